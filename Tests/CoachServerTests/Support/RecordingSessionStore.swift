import CoachServer
import Coaching
import Foundation
import Telemetry

/// An in-memory `SessionStore` that records, in one ordered log, what it stored and (through
/// `note`) what the test client received, so tests can check "stored before sent".
actor RecordingSessionStore: SessionStore {
    struct StoredLap: Sendable {
        let id: Int64
        let sessionID: Int64
        let driverID: Int64
        let lap: CompletedLap
    }

    /// How long a lap takes to commit: long enough that sending before storing would show.
    let storeDelay: Duration
    private(set) var log: [String] = []
    private(set) var laps: [StoredLap] = []
    private(set) var endedSessions: [Int64] = []
    private(set) var cueCount = 0
    private var nextSessionID: Int64 = 1

    init(storeDelay: Duration = .milliseconds(150)) {
        self.storeDelay = storeDelay
    }

    func createSession(publicID: String, driverID: Int64, descriptor: SessionDescriptor, startedAt: Date) async throws -> Int64 {
        defer { nextSessionID += 1 }
        log.append("created session \(nextSessionID)")
        return nextSessionID
    }

    func endSession(_ sessionID: Int64, endedAt: Date) async throws {
        endedSessions.append(sessionID)
        log.append("ended session \(sessionID)")
    }

    func storeLap(_ lap: CompletedLap, sessionID: Int64, driverID: Int64) async throws -> Int64 {
        try await Task.sleep(for: storeDelay)
        let id = Int64(laps.count + 1)
        laps.append(StoredLap(id: id, sessionID: sessionID, driverID: driverID, lap: lap))
        log.append("stored lap \(id)")
        return id
    }

    func recordCues(_ cues: [Cue], sessionID: Int64) async throws {
        cueCount += cues.count
    }

    /// The test client reports what it received.
    func note(_ entry: String) { log.append(entry) }
}
