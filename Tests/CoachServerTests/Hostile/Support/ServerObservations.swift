import Foundation
import Testing

/// What the hostile suites check on a running test server from the outside: the health
/// endpoint's session count and what the recording store was told.
extension RunningServer {
    /// `live_sessions` from `/api/v1/health` (sessions attached to a socket).
    func liveSessions() async throws -> Int {
        let (_, body) = try await RESTTests.get(self, "/api/v1/health", token: nil)
        return try JSONDecoder().decode(OperationsTests.Health.self, from: Data(body.utf8)).live_sessions
    }

    /// Whether the session was ended (its `ended_at` recorded) within `seconds`.
    func sessionEnds(_ session: String, within seconds: Double) async -> Bool {
        await eventually(within: seconds) { await backend.store.endedSessions.contains(session) }
    }

    /// The partial laps stored for `session`.
    func partialLaps(of session: String) async -> [RecordingSessionStore.StoredLap] {
        await backend.store.laps.filter { $0.sessionID == session && !$0.lap.isValid }
    }
}

/// True once `condition` holds (an error counts as not yet), checked every 20 ms for at most
/// `seconds` (tests only: the server itself never polls).
func eventually(within seconds: Double, _ condition: @Sendable () async throws -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if (try? await condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return (try? await condition()) == true
}
