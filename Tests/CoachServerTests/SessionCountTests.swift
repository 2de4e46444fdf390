import Testing

@testable import CoachServer

/// `SessionRegistry.liveSessionCount` (the `/health` field and the `trailbrake_live_sessions`
/// gauge) is kept as sessions change, not counted over every session: it must follow every
/// change, attached or detached, ended by the driver, by the resume window or at shutdown.
@Suite struct SessionCountTests {
    @Test func theLiveCountFollowsEveryChangeOfASession() async throws {
        let backend = TestBackend()
        let registry = try SessionExpiryTests.registry(resumeWindow: .milliseconds(300))
        let alice = FakeAuthenticator.alice.id
        var sessions: [LiveSession] = []
        for id in ["a", "b", "c", "d"] {
            let session = try await LiveSessionDrainTests.session(backend, id: id)
            guard case .admitted = await registry.admit(driverID: alice) else { Issue.record("refused"); return }
            #expect(await registry.liveSessionCount == sessions.count, "admitted, not registered yet")
            await registry.register(session)
            sessions.append(session)
            #expect(await registry.liveSessionCount == sessions.count)
        }
        await registry.detach(sessions[0])
        await registry.detach(sessions[0])  // twice: counted once
        await registry.detach(sessions[1])
        #expect(await registry.liveSessionCount == 2)
        guard case .resumed = await registry.resume(sessionID: "b", driverID: alice) else { Issue.record("not resumed"); return }
        #expect(await registry.resume(sessionID: "b", driverID: alice).isUnavailable, "attached: not resumed twice")
        #expect(await registry.liveSessionCount == 3)
        await registry.end(sessions[2])  // an attached one, closed by its driver
        #expect(await registry.liveSessionCount == 2)
        // "a" stays detached until its window ends: it was not counted, and its end changes nothing.
        #expect(await eventually(within: 5) { await backend.store.endedSessions.contains("a") })
        #expect(await registry.liveSessionCount == 2)
        await registry.finishAll()  // shutdown: the two attached ones
        #expect(await registry.liveSessionCount == 0)
    }
}
