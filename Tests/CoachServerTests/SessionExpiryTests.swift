import Logging
import ServerSettings
import Testing

@testable import CoachServer

/// Detached sessions wait for their driver for the resume window, on one timer for all of them
/// (`SessionRegistry`), not a sleeping task each: each must still end when its own window ends,
/// and a resumed one must not end at all.
@Suite struct SessionExpiryTests {
    static func session(_ id: String, _ backend: TestBackend) async throws -> LiveSession {
        var logger = Logger(label: "session-expiry-test")
        logger.logLevel = .critical
        let metrics = ServerMetrics()
        let lapStore = LapStoreQueue(
            store: backend.store, spill: nil, settings: LapStoreQueueTests.settings(), metrics: metrics, logger: logger)
        let coach = await backend.coachFactory.makeCoach(for: RESTFixture.descriptor, driver: FakeAuthenticator.alice, language: "en")
        return LiveSession(
            publicID: id, driver: FakeAuthenticator.alice, descriptor: RESTFixture.descriptor, isStored: true, coach: coach,
            store: backend.store, lapStore: lapStore, metrics: metrics,
            live: try ServerConfiguration.load(file: [:], environment: [:]).live, voice: nil, language: .english, logger: logger)
    }

    @Test func eachDetachedSessionEndsWhenItsOwnWindowEndsAndAResumedOneStays() async throws {
        let backend = TestBackend()
        let metrics = ServerMetrics()
        let listen = try ServerConfiguration.load(file: [:], environment: [:]).listen
        let registry = SessionRegistry(
            resumeWindow: .seconds(1), metrics: metrics, listeners: ListenerHub(configuration: listen, metrics: metrics))
        let first = try await Self.session("first", backend)
        let later = try await Self.session("later", backend)
        let resumed = try await Self.session("resumed", backend)
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
