import CoachServer
import Foundation
import NIOSSL
import ServerSettings
import Testing

/// What the hostile suites check on a running test server from the outside: the health
/// endpoint's session count and what the recording store was told.
extension RunningServer {
    /// `live_sessions` from `/api/v1/health` (sessions attached to a socket); `tls` for a TLS server.
    func liveSessions(tls: TLSConfiguration? = nil) async throws -> Int {
        let socket = try await HostileSocket.connect(port: port, tls: tls)
        let response: RawHTTPResponse
        do {
            try await socket.send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            response = try await socket.read("the health response") { RawHTTPResponse.parse($0) }
        } catch {
            await socket.close()
            throw error
        }
        await socket.close()
        return try JSONDecoder().decode(OperationsTests.Health.self, from: Data(response.body.utf8)).live_sessions
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

extension RunningServer {
    /// A test server for raw clients, which never answer the server's close frame: the shutdown
    /// at the end of the test waits 0.2 s for them instead of `live.shutdown_grace_seconds`.
    @discardableResult
    static func forRawClients<T: Sendable>(
        backend: TestBackend = TestBackend(),
        configure: (inout ServerConfiguration) -> Void = { _ in },
        _ body: @Sendable (RunningServer) async throws -> T
    ) async throws -> T {
        try await with(backend: backend, configure: { configuration in
            configuration.live.shutdownGraceSeconds = 0.2
            configure(&configuration)
        }, body)
    }
}
