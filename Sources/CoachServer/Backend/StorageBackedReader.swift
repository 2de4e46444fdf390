import Coaching
import Storage
import Telemetry

/// The REST API's reads, from Storage's repositories (every query scoped by driver).
public struct StorageBackedReader: DriverDataReader, DatabaseHealthCheck {
    let database: TrailbrakeDatabase
    /// Each read is timed as `trailbrake_db_query_seconds{query}` (nil: not timed).
    let timings: (any DatabaseTimings)?

    public init(database: TrailbrakeDatabase, timings: (any DatabaseTimings)? = nil) {
        self.database = database
        self.timings = timings
    }

    private func timed<T>(_ name: String, _ body: () async throws -> T) async throws -> T {
        guard let timings else { return try await body() }
        return try await timings.timeQuery(name, body)
    }

    private var sessionRepository: SessionRepository { SessionRepository(database: database) }
    private var lapRepository: LapRepository { LapRepository(database: database) }

    public func sessions(driverID: Int64, page: PageRequest) async throws -> PageResult<SessionSummary> {
        try await timed("sessions") {
            let rows = try await pageOrInvalidCursor {
                try await sessionRepository.sessions(driverID: driverID, limit: page.limit, after: page.after)
            }
            return PageResult(items: rows.items.map(SessionSummary.init), nextKey: rows.nextKey)
        }
    }

    public func session(id: String, driverID: Int64) async throws -> SessionSummary? {
        try await sessionRepository.session(id: id, driverID: driverID).map(SessionSummary.init)
    }

    public func laps(sessionID: String, driverID: Int64, page: PageRequest) async throws -> PageResult<LapSummary>? {
        try await timed("laps") {
            // An empty list would not tell "no laps yet" from "not your session": check ownership first.
            guard try await sessionRepository.session(id: sessionID, driverID: driverID) != nil else { return nil }
            let rows = try await pageOrInvalidCursor {
                try await lapRepository.laps(sessionID: sessionID, driverID: driverID, limit: page.limit, after: page.after)
            }
            return PageResult(items: rows.items.map(LapSummary.init), nextKey: rows.nextKey)
        }
    }

    /// A page, with Storage's "unknown cursor" as the API's `invalid_parameter`.
    private func pageOrInvalidCursor<Item>(_ read: () async throws -> Page<Item>) async throws -> Page<Item> {
        do {
            return try await read()
        } catch StorageError.invalidInput {
            throw PageParameters.invalidCursor
        }
    }

    public func lap(_ lapID: Int64, driverID: Int64) async throws -> LapDetailResponse? {
        try await timed("lap") {
            try await lapRepository.lap(id: lapID, driverID: driverID).map {
                LapDetailResponse(lap: LapSummary($0.lap), corners: $0.corners, brakingZones: $0.brakingZones)
            }
        }
    }

    public func telemetry(lapID: Int64, driverID: Int64) async throws -> LapTelemetrySource? {
        try await timed("telemetry") {
            guard let stored = try await lapRepository.storedTelemetry(lapID: lapID, driverID: driverID) else { return nil }
            return LapTelemetrySource(frameCount: try stored.frameCount()) { try stored.frames() }
        }
    }

    public func telemetryDeleted(lapID: Int64, driverID: Int64) async throws -> Bool {
        try await timed("telemetry_deleted") {
            try await TelemetryRetention(database: database).telemetryDeleted(lapID: lapID, driverID: driverID)
        }
    }

    public func compare(lapA: Int64, lapB: Int64, driverID: Int64) async throws -> LapComparisonResponse? {
        try await timed("compare") {
            try await lapRepository.compare(lapA: lapA, lapB: lapB, driverID: driverID).map(LapComparisonResponse.init)
        }
    }

    public func advice(sessionID: String, driverID: Int64) async throws -> AdviceResponse? {
        try await timed("advice") {
            guard let (said, laps) = try await cuesAndLaps(sessionID: sessionID, driverID: driverID) else { return nil }
            return AdviceResponse(said: said, laps: laps)
        }
    }

    public func report(sessionID: String, driverID: Int64) async throws -> SessionReport? {
        try await timed("report") {
            guard let (said, laps) = try await cuesAndLaps(sessionID: sessionID, driverID: driverID) else { return nil }
            return SessionReport(said: said, laps: laps)
        }
    }

    public func cues(sessionID: String, driverID: Int64) async throws -> [RecordedCue]? {
        try await timed("cues") {
            guard try await sessionRepository.session(id: sessionID, driverID: driverID) != nil else { return nil }
            return try await sessionRepository.cues(sessionID: sessionID, driverID: driverID)
        }
    }

    private func cuesAndLaps(sessionID: String, driverID: Int64) async throws -> (said: [SaidCue], laps: [MeasuredLap])? {
        guard try await sessionRepository.session(id: sessionID, driverID: driverID) != nil else { return nil }
        let cues = try await sessionRepository.cues(sessionID: sessionID, driverID: driverID)
        let laps = try await lapRepository.measuredLaps(sessionID: sessionID, driverID: driverID)
        // A team-mate's relayed message is not the coach's advice: nothing to judge.
        return (cues.filter { $0.cue.topic != .teamMessage }.map { SaidCue(cue: $0.cue, lapNumber: $0.lapNumber) }, laps)
    }

    public func isDatabaseHealthy() async -> Bool { (try? await database.appliedMigrations()) != nil }
}
