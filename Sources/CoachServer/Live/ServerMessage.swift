import Coaching
import Foundation
import Telemetry

/// Every message the server sends on the live socket, encoded in one place as compact JSON with
/// the protocol's snake_case keys (docs/protocol.md, server → client).
enum ServerMessage: Sendable {
    case welcome(Welcome)
    case ack(sequence: UInt64)
    case delta(DeltaSample)
    /// A cue, and the clip that follows it as a binary message when voice is on and it was ready.
    case cue(Cue, clip: CueClip? = nil)
    case lap(LapReport)
    /// A lap reported `stored: false` is committed now.
    case lapStored(ticket: UInt64, lapNumber: Int32, lapID: Int64)
    case error(WireError)

    struct Welcome: Sendable {
        var sessionID: String
        var resumed: Bool
        var nextSequence: UInt64
        var reference: ReferenceSummary
        var maxMessageBytes: Int
        /// The driver's batch rate limit, so a client can pace a resend (`live.batches_per_second`, `batch_burst`).
        var batchesPerSecond: Double
        var batchBurst: Int
        /// The topics the coach judges in this session (`LiveCoach.topics`), protocol strings.
        var topics: [String] = Cue.Topic.judgeable(with: Set(CoachingChannel.allCases)).map(\.rawValue)
        /// The settings the session runs with: `hello`'s, the stored ones where it left a field out.
        var settings = DriverSettings()
    }

    /// A completed lap as the client hears about it, after the store has committed it.
    struct LapReport: Sendable {
        var lap: CompletedLap
        /// nil when the lap is not committed (`stored` is then false).
        var lapID: Int64?
        /// When not committed yet but kept: the ticket a later `lap_stored` names (`pending`).
        var pendingTicket: UInt64? = nil
    }

    /// An encoder with the protocol's key style. A session keeps one for all its messages
    /// (cues, deltas and acks are sent several times a second per driver).
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// The JSON text of the message.
    func json(using encoder: JSONEncoder = ServerMessage.makeEncoder()) -> String {
        let data: Data?
        switch self {
        case .welcome(let welcome): data = try? encoder.encode(WelcomeJSON(welcome))
        case .ack(let sequence): data = try? encoder.encode(AckJSON(seq: sequence))
        case .delta(let sample): data = try? encoder.encode(DeltaJSON(sample))
        case .cue(let cue, let clip): data = try? encoder.encode(CueJSON(cue: cue, clip: clip))
        case .lap(let report): data = try? encoder.encode(LapJSON(report))
        case .lapStored(let ticket, let lapNumber, let lapID):
            data = try? encoder.encode(LapStoredJSON(lap: lapNumber, pending: ticket, lapId: lapID))
        case .error(let error): data = try? encoder.encode(ErrorJSON(error))
        }
        // Encoding these plain structs cannot fail; a fixed internal error keeps the socket valid if it ever did.
        return data.flatMap { String(data: $0, encoding: .utf8) }
            ?? #"{"type":"error","code":"internal","message":"encoding failed","fatal":false}"#
    }
}

private struct AckJSON: Encodable {
    let type = "ack"
    let seq: UInt64
}

private struct WelcomeJSON: Encodable {
    struct Reference: Encodable {
        let source: String
        let lapTime: Double
        let car: String
        let reason: String
    }
    struct Limits: Encodable {
        let maxFramesPerBatch: Int
        let maxMessageBytes: Int
        let batchesPerSecond: Double
        let batchBurst: Int
    }
    let type = "welcome"
    let `protocol` = CoachServerVersion.protocolVersion
    let session: String
    let resumed: Bool
    let nextSeq: UInt64
    /// null when there is no reference yet (reason `none`).
    let reference: Reference?
    struct Settings: Encodable {
        let verbosity: String
        let units: String
        let topicsOff: [String]
        let language: String
    }
    let limits: Limits
    let topics: [String]
    let settings: Settings

    init(_ welcome: ServerMessage.Welcome) {
        session = welcome.sessionID
        resumed = welcome.resumed
        nextSeq = welcome.nextSequence
        reference = welcome.reference.lap.map {
            Reference(source: $0.source, lapTime: $0.lapTime, car: $0.car, reason: welcome.reference.reason.rawValue)
        }
        limits = Limits(
            maxFramesPerBatch: 120, maxMessageBytes: welcome.maxMessageBytes, batchesPerSecond: welcome.batchesPerSecond,
            batchBurst: welcome.batchBurst)
        topics = welcome.topics
        settings = Settings(
            verbosity: welcome.settings.preferences.verbosity.rawValue, units: welcome.settings.preferences.units.rawValue,
            topicsOff: welcome.settings.topicsOff, language: welcome.settings.language.rawValue)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(`protocol`, forKey: .protocol)
        try container.encode(session, forKey: .session)
        try container.encode(resumed, forKey: .resumed)
        try container.encode(nextSeq, forKey: .nextSeq)
        try container.encode(reference, forKey: .reference)  // explicit null
        try container.encode(limits, forKey: .limits)
        try container.encode(topics, forKey: .topics)  // everything up to here is as it was
        try container.encode(settings, forKey: .settings)
    }

    private enum CodingKeys: String, CodingKey { case type, `protocol`, session, resumed, nextSeq, reference, limits, topics, settings }
}

private struct DeltaJSON: Encodable {
    let type = "delta"
    let lap: Int32
    let dist: Double
    let delta: Double
    let trend: Double
    let seq: UInt64

    init(_ sample: DeltaSample) {
        lap = sample.lapNumber
        dist = sample.lapDistance
        delta = sample.delta
        trend = sample.trend
        seq = sample.batchSequence
    }
}

private struct CueJSON: Encodable {
    struct Clip: Encodable {
        let id: String
        let duration: Double
    }
    let cue: Cue
    let clip: CueClip?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("cue", forKey: .type)
        try container.encode(cue.id, forKey: .id)
        try container.encode(cue.kind, forKey: .kind)
        try container.encode(cue.topic, forKey: .topic)
        try container.encode(cue.corner, forKey: .corner)
        try container.encode(cue.cornerName, forKey: .cornerName)
        try container.encode(cue.severity, forKey: .severity)
        try container.encode(cue.text, forKey: .text)
        try container.encode(cue.numbers, forKey: .numbers)
        try container.encode(cue.batchSequence, forKey: .seq)
        try container.encode(cue.deadlineDistance, forKey: .deadline)
        try container.encode(clip.map { Clip(id: $0.id, duration: $0.duration) }, forKey: .clip)  // explicit null
        try container.encodeIfPresent(cue.from, forKey: .from)
    }

    private enum CodingKeys: String, CodingKey {
        case type, id, kind, topic, corner, cornerName, severity, text, numbers, seq, deadline, clip, from
    }
}

private struct LapJSON: Encodable {
    let report: ServerMessage.LapReport

    init(_ report: ServerMessage.LapReport) { self.report = report }

    func encode(to encoder: any Encoder) throws {
        let lap = report.lap
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("lap", forKey: .type)
        try container.encode(lap.lapNumber, forKey: .lap)
        try container.encode(lap.lapTime, forKey: .time)
        try container.encode(lap.isValid, forKey: .valid)
        try container.encode(lap.invalidReason, forKey: .invalidReason)
        try container.encode(lap.deltaToReference, forKey: .delta)
        try container.encode(report.lapID, forKey: .lapId)
        try container.encode(report.lapID != nil, forKey: .stored)
        try container.encode(report.pendingTicket, forKey: .pending)  // explicit null
        try container.encode(lap.corners.map(CornerJSON.init), forKey: .corners)
    }

    private enum CodingKeys: String, CodingKey {
        case type, lap, time, valid, invalidReason, delta, lapId, stored, pending, corners
    }
}

private struct LapStoredJSON: Encodable {
    let type = "lap_stored"
    let lap: Int32
    let pending: UInt64
    let lapId: Int64
}

/// A corner in a `lap` message: its number and name, then the signed differences to the reference.
private struct CornerJSON: Encodable {
    let metrics: CornerMetrics

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metrics.corner, forKey: .corner)
        try container.encodeIfPresent(metrics.name, forKey: .name)
        try metrics.versusReference.encode(to: encoder)
    }

    private enum CodingKeys: String, CodingKey { case corner, name }
}

private struct ErrorJSON: Encodable {
    let type = "error"
    let code: String
    let message: String
    let fatal: Bool
    let expected: UInt64?

    init(_ error: WireError) {
        code = error.code.rawValue
        message = error.message
        fatal = error.code.isFatal
        expected = error.expectedSequence
    }
}
