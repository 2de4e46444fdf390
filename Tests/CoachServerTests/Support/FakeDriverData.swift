import Coaching
import CoachServer
import Foundation
import Storage
import Telemetry

/// Two drivers' sessions and laps in memory: alice (1) owns session "session-a" and lap 100,
/// bob (2) owns session "session-b" and lap 200.
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
        func session(_ id: String) -> SessionSummary {
            SessionSummary(
                id: id, descriptor: SessionDescriptor(sim: "iracing", track: Self.track, car: "SK Modified", sessionType: "practice"),
                referenceSource: nil, referenceReason: "none", startedAt: Date(timeIntervalSince1970: 1_700_000_000), endedAt: nil)
        }
        func lap(_ id: Int64, session: String, owner: Int64) -> Lap {
            let frames = (0..<3).map { index in
                TelemetryFrame(
                    sessionTime: Double(index) / 60, lapNumber: 2, lapDistance: Float(index) * 0.7, speed: 42,
                    throttle: 1, brake: 0, gear: 3)
            }
            return Lap(
                summary: LapSummary(
                    id: id, sessionID: session, lapNumber: 2, startTime: 0, lapTime: 15.3, isValid: true, invalidReason: nil,
                    deltaToReference: 0.2, frameCount: frames.count),
                ownerID: owner, frames: frames)
        }
        sessionsByDriver = [1: [session("session-a")], 2: [session("session-b")]]
        laps = [100: lap(100, session: "session-a", owner: 1), 200: lap(200, session: "session-b", owner: 2)]
    }

    func sessions(driverID: Int64, page: PageRequest) async throws -> PageResult<SessionSummary> {
        PageResult(items: Array((sessionsByDriver[driverID] ?? []).prefix(page.limit)), nextKey: nil)
    }

    func session(id: String, driverID: Int64) async throws -> SessionSummary? {
        sessionsByDriver[driverID]?.first { $0.id == id }
    }

    func laps(sessionID: String, driverID: Int64, page: PageRequest) async throws -> PageResult<LapSummary>? {
        guard sessionsByDriver[driverID]?.contains(where: { $0.id == sessionID }) == true else { return nil }
        return PageResult(items: laps.values.filter { $0.summary.sessionID == sessionID }.map(\.summary), nextKey: nil)
    }

    func lap(_ lapID: Int64, driverID: Int64) async throws -> LapDetailResponse? {
        guard let lap = laps[lapID], lap.ownerID == driverID else { return nil }
        return LapDetailResponse(lap: lap.summary, corners: [], brakingZones: [])
    }

    func telemetry(lapID: Int64, driverID: Int64) async throws -> LapTelemetrySource? {
        guard let lap = laps[lapID], lap.ownerID == driverID else { return nil }
        let frames = lap.frames
        return LapTelemetrySource(frameCount: frames.count) { frames }
    }

    func compare(lapA: Int64, lapB: Int64, driverID: Int64) async throws -> LapComparisonResponse? {
        guard let a = laps[lapA], let b = laps[lapB], a.ownerID == driverID, b.ownerID == driverID else { return nil }
        let timeDelta = b.summary.lapTime.flatMap { bTime in a.summary.lapTime.map { bTime - $0 } }
        return LapComparisonResponse(lapA: a.summary, lapB: b.summary, lapTimeDelta: timeDelta, corners: [])
    }

    /// The sessions hold no cues: nothing judged, nothing pending.
    func advice(sessionID: String, driverID: Int64) async throws -> AdviceResponse? {
        guard sessionsByDriver[driverID]?.contains(where: { $0.id == sessionID }) == true else { return nil }
        return AdviceResponse(said: [], laps: [])
    }

    func report(sessionID: String, driverID: Int64) async throws -> SessionReport? {
        guard sessionsByDriver[driverID]?.contains(where: { $0.id == sessionID }) == true else { return nil }
        return SessionReport(laps: [], outcomes: [])
    }

    func cues(sessionID: String, driverID: Int64) async throws -> [RecordedCue]? {
        guard sessionsByDriver[driverID]?.contains(where: { $0.id == sessionID }) == true else { return nil }
        return []
    }
}
