import CoachServer
import Coaching
import Foundation
import Telemetry

/// An in-memory `SessionStore` that records, in one ordered log, what it stored and (through
/// `note`) what the test client received, so tests can check "stored before sent".
actor RecordingSessionStore: SessionStore {
    struct StoredLap: Sendable {
        let id: Int64
        let sessionID: String
        let driverID: Int64
        let lap: CompletedLap
    }

    /// How long a lap takes to commit: long enough that sending before storing would show.
    let storeDelay: Duration
    private(set) var log: [String] = []
    private(set) var laps: [StoredLap] = []
    private(set) var createdSessions: [String] = []
    private(set) var endedSessions: [String] = []
    private(set) var cueLaps: [Int32] = []

    /// How long recording a batch of cues takes (a slow database).
    let cueRecordDelay: Duration

    /// How long creating a session's record takes (a slow database while a driver says hello).
    let createSessionDelay: Duration

    init(storeDelay: Duration = .milliseconds(150), cueRecordDelay: Duration = .zero, createSessionDelay: Duration = .zero) {
        self.storeDelay = storeDelay
        self.cueRecordDelay = cueRecordDelay
        self.createSessionDelay = createSessionDelay
    }

    func createSession(driverID: Int64, descriptor: SessionDescriptor, reference: ReferenceSummary, startedAt: Date)
        async throws -> String
    {
        if createSessionDelay > .zero { try await Task.sleep(for: createSessionDelay) }
        let id = UUID().uuidString.lowercased()
        createdSessions.append(id)
        log.append("created session \(createdSessions.count)")
        return id
    }

    func endSession(_ sessionID: String, driverID: Int64, endedAt: Date) async throws {
        endedSessions.append(sessionID)
        log.append("ended session \(sessionID)")
    }

    func storeLap(_ lap: CompletedLap, sessionID: String, driverID: Int64) async throws -> Int64 {
        try await Task.sleep(for: storeDelay)
        let id = Int64(laps.count + 1)
        laps.append(StoredLap(id: id, sessionID: sessionID, driverID: driverID, lap: lap))
        log.append("stored lap \(id)")
        return id
    }

    func recordCues(_ cues: [Cue], sessionID: String, lapNumber: Int32) async throws {
        if cueRecordDelay > .zero { try await Task.sleep(for: cueRecordDelay) }
        cueLaps.append(contentsOf: repeatElement(lapNumber, count: cues.count))
    }

    /// The test client reports what it received.
    func note(_ entry: String) { log.append(entry) }
}
