import CoachServer
import Coaching
import Synchronization
import Telemetry

/// Every frame a fake coach processed, across sessions, in order (tests check no duplicates or gaps).
final class ProcessedFrameLog: Sendable {
    private let times = Mutex<[Double]>([])
    func append(_ time: Double) { times.withLock { $0.append(time) } }
    var all: [Double] { times.withLock { $0 } }
}

/// A predictable coach: a cue for every frame with brake > 0.9, a lap every `lapEvery` frames,
/// and a partial lap at `finish` when frames are left over.
struct FakeCoach: LiveCoach {
    static let brakeCueThreshold: Float = 0.9

    let lapEvery: Int
    let log: ProcessedFrameLog
    let reference: ReferenceSummary
    private var nextCueID: UInt64 = 1
    private var lapFrames: [TelemetryFrame] = []

    init(lapEvery: Int, log: ProcessedFrameLog, reference: ReferenceSummary) {
        self.lapEvery = lapEvery
        self.log = log
        self.reference = reference
    }

    mutating func process(_ frame: LiveFrame, into events: inout [CoachingEvent]) {
        log.append(frame.frame.sessionTime)
        lapFrames.append(frame.frame)
        if frame.frame.brake > Self.brakeCueThreshold {
            let cue = Cue(
                id: nextCueID, kind: .feedback, topic: .brakePoint, corner: 1, severity: 2, text: "Turn 1: brake later",
                numbers: CueNumbers(brakePointDelta: -12), batchSequence: frame.batchSequence)
            nextCueID += 1
            events.append(.cue(cue))
        }
        if lapFrames.count == lapEvery {
            events.append(.lapCompleted(lap(valid: true)))
        }
    }

    /// A team message is said on the first frame off the brake (the real coach also keeps it
    /// out of corners).
    mutating func relay(_ message: RelayedMessage) -> Cue? {
        guard let last = lapFrames.last, last.brake < 0.04 else { return nil }
        defer { nextCueID += 1 }
        var cue = Cue(
            id: nextCueID, kind: .feedback, topic: .teamMessage, corner: 0, severity: 3, text: message.spokenText, numbers: CueNumbers(),
            batchSequence: 0)
        cue.from = message.sender
        return cue
    }

    mutating func finish(into events: inout [CoachingEvent]) {
        guard !lapFrames.isEmpty else { return }
        events.append(.lapCompleted(lap(valid: false)))
    }

    private mutating func lap(valid: Bool) -> CompletedLap {
        defer { lapFrames.removeAll() }
        let number = lapFrames.last?.lapNumber ?? 0
        return CompletedLap(
            lapNumber: number, lapTime: valid ? 15.25 : nil, isValid: valid, invalidReason: valid ? nil : "partial",
            deltaToReference: valid ? 0.15 : nil, frames: lapFrames, corners: [], brakingZones: [])
    }
}

struct FakeCoachFactory: LiveCoachFactory {
    var lapEvery = 1_000
    let log = ProcessedFrameLog()

    func makeCoach(for session: SessionDescriptor, driver: AuthenticatedDriver, language: String) async -> sending any LiveCoach {
        FakeCoach(
            lapEvery: lapEvery, log: log,
            reference: ReferenceSummary(
                lap: ReferenceLapSummary(source: "test:reference", lapTime: 15.1, car: session.car),
                reason: .shippedForTrackAndCar))
    }
}
