import CoachServer
import Coaching
import Foundation
import Storage
import Telemetry

/// The server's seams implemented with Storage's repositories: straight mappings, no logic.
struct StorageBackedDrivers: DriverAuthenticator, DriverAdmin {
    let drivers: DriverRepository

    func authenticate(token: String) async throws -> AuthenticatedDriver? {
        try await drivers.authenticate(token: token).map(AuthenticatedDriver.init)
    }
    func driverCount() async throws -> Int { try await drivers.driverCount() }
    func driver(named name: String) async throws -> AuthenticatedDriver? {
        try await drivers.driver(named: name).map(AuthenticatedDriver.init)
    }
    func createDriver(name: String) async throws -> AuthenticatedDriver {
        AuthenticatedDriver(try await drivers.createDriver(name: name))
    }
    func createToken(driverID: Int64) async throws -> String { try await drivers.createToken(for: driverID) }
}

struct StorageBackedSessions: SessionStore {
    let sessions: SessionRepository
    let writer: LapWriter

    func createSession(driverID: Int64, descriptor: SessionDescriptor, reference: ReferenceSummary, startedAt: Date)
        async throws -> String
    {
        try await sessions.create(
            driverID: driverID, descriptor: descriptor, referenceSource: reference.lap?.source,
            referenceReason: reference.reason.rawValue, startedAt: startedAt
        ).id
    }
    func endSession(_ sessionID: String, driverID: Int64, endedAt: Date) async throws {
        try await sessions.end(sessionID: sessionID, driverID: driverID, at: endedAt)
    }
    func storeLap(_ lap: CompletedLap, sessionID: String, driverID: Int64) async throws -> Int64 {
        try await writer.store(lap, sessionID: sessionID, driverID: driverID)
    }
    func recordCues(_ cues: [Cue], sessionID: String, lapNumber: Int32) async throws {
        try await writer.record(cues: cues, sessionID: sessionID, lapNumber: lapNumber)
    }
}

struct StorageBackedReader: DriverDataReader, DatabaseHealthCheck {
    let database: TrailbrakeDatabase
    var sessionRepository: SessionRepository { SessionRepository(database: database) }
    var lapRepository: LapRepository { LapRepository(database: database) }

    func sessions(driverID: Int64) async throws -> [SessionSummary] {
        try await sessionRepository.sessions(driverID: driverID).map(SessionSummary.init)
    }
    func laps(sessionID: String, driverID: Int64) async throws -> [LapSummary]? {
        // An empty list would not tell "no laps yet" from "not your session": check ownership first.
        guard try await sessionRepository.session(id: sessionID, driverID: driverID) != nil else { return nil }
        return try await lapRepository.laps(sessionID: sessionID, driverID: driverID).map(LapSummary.init)
    }
    func lap(_ lapID: Int64, driverID: Int64) async throws -> LapDetailResponse? {
        try await lapRepository.lap(id: lapID, driverID: driverID).map {
            LapDetailResponse(lap: LapSummary($0.lap), corners: $0.corners, brakingZones: $0.brakingZones)
        }
    }
    func telemetry(lapID: Int64, driverID: Int64) async throws -> [TelemetryFrame]? {
        try await lapRepository.telemetry(lapID: lapID, driverID: driverID)
    }
    func compare(lapA: Int64, lapB: Int64, driverID: Int64) async throws -> LapComparisonResponse? {
        try await lapRepository.compare(lapA: lapA, lapB: lapB, driverID: driverID).map { comparison in
            LapComparisonResponse(
                lapA: LapSummary(comparison.lapA), lapB: LapSummary(comparison.lapB), lapTimeDelta: comparison.lapTimeDelta,
                corners: comparison.corners.map {
                    CornerComparisonResponse(
                        corner: $0.corner, name: $0.name, brakePointDelta: $0.brakePointDelta, peakBrakeDelta: $0.peakBrakeDelta,
                        minimumSpeedDelta: $0.minimumSpeedDelta, throttlePickupDelta: $0.throttlePickupDelta,
                        apexGearDelta: $0.apexGearDelta, coastingDistanceDelta: $0.coastingDistanceDelta, timeDelta: $0.timeDelta)
                })
        }
    }
    func isDatabaseHealthy() async -> Bool { (try? await database.appliedMigrations()) != nil }
}

extension AuthenticatedDriver {
    init(_ driver: Driver) { self.init(id: driver.id, name: driver.name) }
}

extension SessionSummary {
    init(_ record: SessionRecord) {
        self.init(
            id: record.id, descriptor: record.descriptor, referenceSource: record.referenceSource,
            referenceReason: record.referenceReason, startedAt: record.startedAt, endedAt: record.endedAt)
    }
}

extension LapSummary {
    init(_ row: LapRecordRow) {
        self.init(
            id: row.id, sessionID: row.sessionID, lapNumber: row.lapNumber, startTime: row.startTime, lapTime: row.lapTime,
            isValid: row.isValid, invalidReason: row.invalidReason, deltaToReference: row.deltaToReference,
            frameCount: row.frameCount)
    }
}
