import CoachServer
import Foundation
import Telemetry

/// Two drivers' sessions and laps in memory: alice (1) owns session 10 and lap 100,
/// bob (2) owns session 20 and lap 200.
struct FakeDriverData: DriverDataReader {
    struct Lap {
        let summary: LapSummary
        let ownerID: Int64
        let frames: [TelemetryFrame]
    }

    static let track = TrackDescriptor(name: "Langley Speedway", configuration: "", length: 580)
    let sessionsByDriver: [Int64: [SessionSummary]]
    let laps: [Int64: Lap]

    init() {
        func session(_ id: Int64) -> SessionSummary {
            SessionSummary(
                id: id, publicID: "session-\(id)",
                descriptor: SessionDescriptor(sim: "iracing", track: Self.track, car: "SK Modified", sessionType: "practice"),
                startedAt: Date(timeIntervalSince1970: 1_700_000_000), endedAt: nil, lapCount: 1, bestLapTime: 15.3)
        }
        func lap(_ id: Int64, session: Int64, owner: Int64) -> Lap {
            let frames = (0..<3).map { index in
                TelemetryFrame(
                    sessionTime: Double(index) / 60, lapNumber: 2, lapDistance: Float(index) * 0.7, speed: 42,
                    throttle: 1, brake: 0, gear: 3)
            }
            return Lap(
                summary: LapSummary(
                    id: id, sessionID: session, lapNumber: 2, lapTime: 15.3, isValid: true, invalidReason: nil,
                    deltaToReference: 0.2),
                ownerID: owner, frames: frames)
        }
        sessionsByDriver = [1: [session(10)], 2: [session(20)]]
        laps = [100: lap(100, session: 10, owner: 1), 200: lap(200, session: 20, owner: 2)]
    }

    func sessions(driverID: Int64) async throws -> [SessionSummary] { sessionsByDriver[driverID] ?? [] }

    func laps(sessionID: Int64, driverID: Int64) async throws -> [LapSummary]? {
        guard sessionsByDriver[driverID]?.contains(where: { $0.id == sessionID }) == true else { return nil }
        return laps.values.filter { $0.summary.sessionID == sessionID }.map(\.summary)
    }

    func lap(_ lapID: Int64, driverID: Int64) async throws -> LapDetail? {
        guard let lap = laps[lapID], lap.ownerID == driverID else { return nil }
        return LapDetail(lap: lap.summary, corners: [], brakingZones: [])
    }

    func telemetry(lapID: Int64, driverID: Int64) async throws -> [TelemetryFrame]? {
        guard let lap = laps[lapID], lap.ownerID == driverID else { return nil }
        return lap.frames
    }

    func compare(lapA: Int64, lapB: Int64, driverID: Int64) async throws -> LapComparison? {
        guard let a = try await lap(lapA, driverID: driverID), let b = try await lap(lapB, driverID: driverID) else { return nil }
        return LapComparison(a: a, b: b, lapTimeDifference: 0, deltaByDistance: [DistanceDelta(distance: 0, delta: 0)])
    }
}
