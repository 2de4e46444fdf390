import Foundation

/// The fields of a server message that clients act on (docs/protocol.md), decoded leniently:
/// every field optional, unknown fields ignored, so a newer server's additions break nothing.
public struct ServerReply: Decodable, Sendable, Equatable {
    public var type: String
    /// ack, delta, cue: the batch it names.
    public var seq: UInt64?
    // welcome
    public var session: String?
    public var resumed: Bool?
    public var nextSeq: UInt64?
    public var reference: Reference?
    public var limits: Limits?
    // cue
    public var id: UInt64?
    public var kind: String?
    public var corner: Int?
    public var text: String?
    /// Lap distance (m) by which an approach cue must have been heard.
    public var deadline: Double?
    public var clip: Clip?
    // error
    public var code: String?
    public var message: String?
    public var fatal: Bool?
    public var expected: UInt64?
    // lap and delta
    public var lap: Int?
    public var time: Double?
    public var valid: Bool?
    public var lapID: Int64?
    public var stored: Bool?
    public var dist: Double?
    public var delta: Double?

    public struct Reference: Decodable, Sendable, Equatable {
        public var source: String?
        public var lapTime: Double?
        public var reason: String?

        enum CodingKeys: String, CodingKey {
            case source, reason
            case lapTime = "lap_time"
        }
    }

    public struct Limits: Decodable, Sendable, Equatable {
        public var maxFramesPerBatch: Int?
        public var maxMessageBytes: Int?
        /// The driver's batch rate limit: a client sends at most `batchBurst` batches at once,
        /// then `batchesPerSecond` (a faster one is closed with `rate_limited`).
        public var batchesPerSecond: Double?
        public var batchBurst: Int?

        enum CodingKeys: String, CodingKey {
            case maxFramesPerBatch = "max_frames_per_batch"
            case maxMessageBytes = "max_message_bytes"
            case batchesPerSecond = "batches_per_second"
            case batchBurst = "batch_burst"
        }
    }

    public struct Clip: Decodable, Sendable, Equatable {
        public var id: String
        public var duration: Double
    }

    enum CodingKeys: String, CodingKey {
        case type, seq, session, resumed, reference, limits, id, kind, corner, text, deadline, clip
        case code, message, fatal, expected, lap, time, valid, stored, dist, delta
        case nextSeq = "next_seq"
        case lapID = "lap_id"
    }

    /// Nil for anything that is not a JSON object with a string `type`.
    public static func decode(_ text: String) -> ServerReply? {
        try? JSONDecoder().decode(ServerReply.self, from: Data(text.utf8))
    }
}
