import ServerSettings
import Testing

@testable import CoachServer

/// Detached sessions wait for their driver for the resume window, on one timer for all of them
/// (`SessionRegistry`), not a sleeping task each: each must still end when its own window ends,
/// and a resumed one must not end at all.
@Suite struct SessionExpiryTests {
    /// A registry with no session limits and the default listen settings.
    static func registry(resumeWindow: Duration) throws -> SessionRegistry {
        let metrics = ServerMetrics()
        let listen = try ServerConfiguration.load(file: [:], environment: [:]).listen
        return SessionRegistry(
            resumeWindow: resumeWindow, metrics: metrics, listeners: ListenerHub(configuration: listen, metrics: metrics))
    }

    @Test func eachDetachedSessionEndsWhenItsOwnWindowEndsAndAResumedOneStays() async throws {
        let backend = TestBackend()
        let registry = try Self.registry(resumeWindow: .seconds(1))
        let first = try await LiveSessionDrainTests.session(backend, id: "first")
        let later = try await LiveSessionDrainTests.session(backend, id: "later")
        let resumed = try await LiveSessionDrainTests.session(backend, id: "resumed")
        for session in [first, later, resumed] {
            guard case .admitted = await registry.admit(driverID: FakeAuthenticator.alice.id) else {
                Issue.record("a session was refused")
                return
            }
            await registry.register(session)
        }
        let start = ContinuousClock.now
        await registry.detach(first)
        await registry.detach(resumed)
        try await Task.sleep(until: start.advanced(by: .milliseconds(500)), clock: .continuous)
        await registry.detach(later)
        guard case .resumed = await registry.resume(sessionID: "resumed", driverID: FakeAuthenticator.alice.id) else {
            Issue.record("the detached session could not be resumed")
            return
        }

        // 1.25 s: the first window (to 1.0 s) has ended, the later one (to 1.5 s) has not.
        try await Task.sleep(until: start.advanced(by: .milliseconds(1_250)), clock: .continuous)
        #expect(await backend.store.endedSessions == ["first"])
        #expect(await registry.resume(sessionID: "first", driverID: FakeAuthenticator.alice.id).isUnavailable)

        // 2.2 s: the later one has ended too; the resumed one is still held, attached.
        try await Task.sleep(until: start.advanced(by: .milliseconds(2_200)), clock: .continuous)
        #expect(await backend.store.endedSessions == ["first", "later"])
        #expect(await registry.liveSessionCount == 1)
        await registry.end(resumed)
        #expect(await backend.store.endedSessions == ["first", "later", "resumed"])
    }
}

extension SessionRegistry.ResumeOutcome {
    var isUnavailable: Bool {
        if case .unavailable = self { return true }
        return false
    }
}
