import Storage
import Telemetry

/// The REST API's reads, from Storage's repositories (every query scoped by driver).
public struct StorageBackedReader: DriverDataReader, DatabaseHealthCheck {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    private var sessionRepository: SessionRepository { SessionRepository(database: database) }
    private var lapRepository: LapRepository { LapRepository(database: database) }

    public func sessions(driverID: Int64) async throws -> [SessionSummary] {
        try await sessionRepository.sessions(driverID: driverID).map(SessionSummary.init)
    }

    public func laps(sessionID: String, driverID: Int64) async throws -> [LapSummary]? {
        // An empty list would not tell "no laps yet" from "not your session": check ownership first.
        guard try await sessionRepository.session(id: sessionID, driverID: driverID) != nil else { return nil }
        return try await lapRepository.laps(sessionID: sessionID, driverID: driverID).map(LapSummary.init)
    }

    public func lap(_ lapID: Int64, driverID: Int64) async throws -> LapDetailResponse? {
        try await lapRepository.lap(id: lapID, driverID: driverID).map {
            LapDetailResponse(lap: LapSummary($0.lap), corners: $0.corners, brakingZones: $0.brakingZones)
        }
    }

    public func telemetry(lapID: Int64, driverID: Int64) async throws -> [TelemetryFrame]? {
        try await lapRepository.telemetry(lapID: lapID, driverID: driverID)
    }

    public func compare(lapA: Int64, lapB: Int64, driverID: Int64) async throws -> LapComparisonResponse? {
        try await lapRepository.compare(lapA: lapA, lapB: lapB, driverID: driverID).map(LapComparisonResponse.init)
    }

    public func isDatabaseHealthy() async -> Bool { (try? await database.appliedMigrations()) != nil }
}
