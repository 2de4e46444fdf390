import Coaching
import Storage
import Telemetry

/// Read access for the REST API. Every call takes the authenticated driver's id and returns nil
/// for ids that do not exist OR belong to another driver: the API answers both with 404, so
/// other drivers' ids cannot even be probed.
public protocol DriverDataReader: Sendable {
    /// One page of the driver's sessions, newest first.
    func sessions(driverID: Int64, page: PageRequest) async throws -> PageResult<SessionSummary>
    /// One of the driver's sessions; nil when it is not this driver's (the web pages' headings).
    func session(id: String, driverID: Int64) async throws -> SessionSummary?
    /// One page of the session's laps in driving order; nil when the session is not this driver's.
    func laps(sessionID: String, driverID: Int64, page: PageRequest) async throws -> PageResult<LapSummary>?
    func lap(_ lapID: Int64, driverID: Int64) async throws -> LapDetailResponse?
    /// The lap's telemetry, not decoded yet (the export decodes it off the live threads).
    func telemetry(lapID: Int64, driverID: Int64) async throws -> LapTelemetrySource?
    /// Whether the driver's lap exists but its telemetry was deleted by `[storage]
    /// telemetry_retention_days` (the export answers 410, not 404).
    func telemetryDeleted(lapID: Int64, driverID: Int64) async throws -> Bool
    /// nil when either lap is not this driver's.
    func compare(lapA: Int64, lapB: Int64, driverID: Int64) async throws -> LapComparisonResponse?
    /// Whether the session's advice worked; nil when the session is not this driver's.
    func advice(sessionID: String, driverID: Int64) async throws -> AdviceResponse?
    /// What the session came to (`SessionReport`); nil when the session is not this driver's.
    func report(sessionID: String, driverID: Int64) async throws -> SessionReport?
    /// Every cue said in the session, in cue id order; nil when the session is not this driver's.
    func cues(sessionID: String, driverID: Int64) async throws -> [RecordedCue]?
}

extension DriverDataReader {
    /// Readers without retention never delete telemetry.
    public func telemetryDeleted(lapID: Int64, driverID: Int64) async throws -> Bool { false }
}

/// Which page of a list: at most `limit` items after the item whose key is `after` (nil: from
/// the start). A reader throws `APIError` `invalid_parameter` for an `after` it does not know.
public struct PageRequest: Sendable, Equatable {
    public var limit: Int
    public var after: Int64?

    public init(limit: Int, after: Int64? = nil) {
        self.limit = limit
        self.after = after
    }
}

/// One page of a list and the key of its last item when more follow.
public struct PageResult<Item: Sendable>: Sendable {
    public var items: [Item]
    /// nil on the last page.
    public var nextKey: Int64?

    public init(items: [Item], nextKey: Int64?) {
        self.items = items
        self.nextKey = nextKey
    }
}

/// A lap's stored telemetry: its size, known before decoding, and how to decode it (CPU work
/// the caller runs where it chooses).
public struct LapTelemetrySource: Sendable {
    public var frameCount: Int
    public var decode: @Sendable () throws -> [TelemetryFrame]

    public init(frameCount: Int, decode: @escaping @Sendable () throws -> [TelemetryFrame]) {
        self.frameCount = frameCount
        self.decode = decode
    }
}
