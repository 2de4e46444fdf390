import Foundation
import Logging
import Synchronization
import Testing

@testable import Discord

/// The gateway client against the fake gateway: identify, heartbeats, resume, zombie
/// detection, Reconnect, Invalid Session and fatal close codes.
@Suite(.enabled(if: DiscordFixtures.available, "needs ../shared/data/discord (absent)"), .timeLimit(.minutes(1)))
struct GatewayTests {
    /// The dispatch names the client delivered, in order.
    final class NameLog: Sendable {
        private let names = Mutex<[String]>([])
        func append(_ name: String) { names.withLock { $0.append(name) } }
        var all: [String] { names.withLock { $0 } }
    }

    /// Runs a gateway client against the fake for the body's duration; returns what `run` threw.
    @discardableResult
    func withClient(
        _ fake: FakeDiscord, logger: Logger = Logger(label: "gateway-test"),
        _ body: @Sendable (GatewayClient, NameLog) async throws -> Void
    ) async throws -> (any Error)? {
        let dispatches = NameLog()
        let client = GatewayClient(
            token: DiscordToken(FakeDiscord.token),
            timing: GatewayTiming(invalidSessionDelay: 0.01...0.05, initialBackoff: .milliseconds(20)),
            gatewayURL: { fake.gatewayURL }, logger: logger,
            onDispatch: { dispatch in dispatches.append(dispatch.name) })
        let running = Task { () -> (any Error)? in
            do { try await client.run() } catch { return error }
            return nil
        }
        do { try await body(client, dispatches) } catch {
            running.cancel()
            throw error
        }
        running.cancel()
        return await running.value
    }

    @Test func identifiesWithGuildsIntentThenResumesAfterADroppedConnectionWithoutLosingTheSequence() async throws {
        try await FakeDiscord.with { fake in
            await fake.gateway.setHeartbeatInterval(milliseconds: 300)
            try await withClient(fake) { client, dispatches in
                try await eventually("ready") { await client.sessionID == "session1" }
                let identify = try #require(await fake.gateway.identifies.first)
                #expect(identify.intents == 1)
                #expect(identify.token == FakeDiscord.token)
                let before = await fake.gateway.lastSequence
                for index in 0..<3 { await fake.gateway.dispatch("TEST_EVENT", data: json(["n": index])) }
                let sent = before + 3
                try await eventually("events sent") { await fake.gateway.lastSequence == sent }
                // (A busy machine may add a zombie resume, whose RESUMED moves the sequence on.)
                try await eventually("events seen") { await client.lastSequence ?? 0 >= sent }
                // Heartbeats carry the last sequence.
                let beatsBefore = await fake.gateway.heartbeats.count
                try await eventually("a heartbeat after the events") { await fake.gateway.heartbeats.count > beatsBefore + 1 }
                #expect(await fake.gateway.heartbeats.last.flatMap { $0 } ?? 0 >= sent)

                let resumesBefore = await fake.gateway.resumes.count
                let sequenceAtDrop = await fake.gateway.lastSequence
                await fake.gateway.send(.close(code: 4000))
                try await eventually("resumed") { await fake.gateway.resumes.count > resumesBefore }
                let resume = try #require(await fake.gateway.resumes.last)
                #expect(resume.sessionID == "session1")
                #expect(resume.sequence ?? 0 >= sequenceAtDrop)
                #expect(resume.path == "resume")
                try await eventually("RESUMED dispatched") { dispatches.all.contains("RESUMED") }
                await fake.gateway.dispatch("AFTER_RESUME", data: json([:]))
                try await eventually("AFTER_RESUME seen") { dispatches.all.contains("AFTER_RESUME") }
                #expect(await client.lastSequence == fake.gateway.lastSequence)
                #expect(await fake.gateway.identifies.count == 1)
                #expect(dispatches.all.filter { $0 == "TEST_EVENT" }.count == 3)
            }
        }
    }

    @Test func aZombieConnectionIsClosedAndResumed() async throws {
        try await FakeDiscord.with { fake in
            await fake.gateway.setHeartbeatInterval(milliseconds: 60)
            try await withClient(fake) { client, _ in
                try await eventually("ready") { await client.sessionID != nil }
                await fake.gateway.setAcknowledgeHeartbeats(false)
                try await eventually("resumed after the missing ACK") { await fake.gateway.resumes.count >= 1 }
                await fake.gateway.setAcknowledgeHeartbeats(true)
                #expect(await fake.gateway.resumes.first?.sessionID == "session1")
                #expect(await fake.gateway.identifies.count == 1)
                #expect(await client.connectionCount >= 2)
            }
        }
    }

    @Test func reconnectResumesAndInvalidSessionFollowsItsFlag() async throws {
        try await FakeDiscord.with { fake in
            try await withClient(fake) { client, _ in
                try await eventually("ready") { await client.sessionID == "session1" }
                await fake.gateway.send(.reconnect)
                try await eventually("resumed after op 7") { await fake.gateway.resumes.count == 1 }
                try await eventually("resumed connection live") { await fake.gateway.connections.count == 2 }
                await fake.gateway.send(.invalidSession(resumable: true))
                try await eventually("resumed after op 9 true") { await fake.gateway.resumes.count == 2 }
                #expect(await fake.gateway.identifies.count == 1)
                try await eventually("third connection live") { await fake.gateway.connections.count == 3 }
                await fake.gateway.send(.invalidSession(resumable: false))
                try await eventually("identified again after op 9 false") { await client.sessionID == "session2" }
                #expect(await fake.gateway.identifies.count == 2)
                #expect(await fake.gateway.connections.last == "gateway")
            }
        }
    }

    @Test func authenticationFailedStopsWithAClearLogLine() async throws {
        let log = CapturingLog()
        try await FakeDiscord.with { fake in
            let error = try await withClient(fake, logger: Logger(label: "gateway", factory: log.handler)) { client, _ in
                try await eventually("ready") { await client.sessionID != nil }
                try await eventually("stopped") {
                    // Sent again if a reconnect on a busy machine swallowed it.
                    await fake.gateway.send(.close(code: 4004))
                    try? await Task.sleep(for: .milliseconds(100))
                    return log.all.contains { $0.contains("4004") }
                }
                try await Task.sleep(for: .milliseconds(200))
                let connections = await fake.gateway.connections.count
                try await Task.sleep(for: .milliseconds(200))
                #expect(await fake.gateway.connections.count == connections)
            }
            #expect(error as? DiscordError == .gatewayClosed(code: 4004, reason: "authentication failed: check the bot token"))
        }
    }

    @Test func sendLimiterKeepsRoomForHeartbeats() async throws {
        let limiter = GatewaySendLimiter()
        for _ in 0..<110 { try await limiter.acquire(heartbeat: false) }
        let blocked = Task { try await limiter.acquire(heartbeat: false) }
        try await Task.sleep(for: .milliseconds(100))
        // The 111th ordinary payload waits for the window; a heartbeat still goes.
        try await limiter.acquire(heartbeat: true)
        #expect(await limiter.count == 111)
        blocked.cancel()
        await #expect(throws: CancellationError.self) { try await blocked.value }
    }

    @Test func closeCodesAreClassifiedLikeTheDocs() {
        for code in [4004, 4010, 4011, 4012, 4013, 4014] {
            guard case .stop = GatewayCloseAction(closeCode: code) else {
                Issue.record("\(code) must stop")
                continue
            }
        }
        #expect(GatewayCloseAction(closeCode: 4009) == .reidentify)
        #expect(GatewayCloseAction(closeCode: 4000) == .resume)
        #expect(GatewayCloseAction(closeCode: nil) == .resume)
    }
}
