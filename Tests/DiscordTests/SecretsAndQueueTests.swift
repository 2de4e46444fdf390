import Foundation
import Integration
import Logging
import Storage
import Testing

@testable import Discord

/// The token never reaches a log line or an error; the DM queue survives a restart.
@Suite(.enabled(if: DiscordFixtures.available, "needs ../shared/data/discord (absent)"), .timeLimit(.minutes(1)))
struct SecretsAndQueueTests {
    @Test func theTokenNeverAppearsInLogs() async throws {
        let log = CapturingLog()
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake, logHandler: log.handler) { running in
                try await running.waitUntilReady()
                try await running.link("ana")
                try await running.repository.follow(.init(guildID: RunningBot.guild, driverName: "ana", channelID: "1"))
                try await running.bot.sendDirectMessage(to: "9", "hello")
                _ = try await running.invoke(try InteractionPayloads.command("list", id: "90"), id: "90")
                await fake.gateway.send(.close(code: 4000))
                try await eventually("resumed") { await fake.gateway.resumes.count == 1 }
            }
            // A wrong token: Discord's 401 is logged, the token is not.
            let wrong = DiscordREST(configuration: fake.configuration(), token: DiscordToken("wrong-secret-token"),
                                    http: fake.http, logger: Logger(label: "rest", factory: log.handler))
            await #expect(throws: DiscordError.unauthorized) { try await wrong.createMessage(channel: "1", MessagePayload(content: "x")) }
        }
        #expect(!log.all.isEmpty)
        #expect(!log.all.contains { $0.contains(FakeDiscord.token) || $0.contains("wrong-secret-token") })
        let token = DiscordToken(FakeDiscord.token)
        #expect("\(token)" == "<redacted>")
        #expect(String(reflecting: token) == "<redacted>")
    }

    @Test func tokenComesFromTheEnvironmentOrAFile() throws {
        #expect(try DiscordToken.load(environment: ["TRAILBRAKE_DISCORD_TOKEN": " abc \n"], tokenFile: nil) == DiscordToken("abc"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("discord-token-\(UUID().uuidString)")
        try "from-file\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try DiscordToken.load(environment: [:], tokenFile: file.path) == DiscordToken("from-file"))
        #expect(throws: DiscordError.self) { try DiscordToken.load(environment: [:], tokenFile: nil) }
        #expect(throws: DiscordError.self) { try DiscordToken.load(environment: [:], tokenFile: "/nonexistent/token") }
    }

    @Test func pendingDirectMessagesAreSentAfterARestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("discord-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try await FakeDiscord.with { fake in
            await fake.rest.failNextDMCalls(1_000)
            // First run: Discord fails every Create DM, so the DM stays queued.
            try await RunningBot.with(fake, database: try TrailbrakeDatabase(path: path)) { running in
                try await running.bot.sendDirectMessage(to: "31", "Your session report")
                try await eventually("an attempt") { await !fake.rest.requests(matching: "POST", "users/@me/channels").isEmpty }
            }
            #expect(try await DiscordRepository(database: TrailbrakeDatabase(path: path)).pendingDirectMessages().count == 1)
            await fake.rest.failNextDMCalls(0)
            await fake.rest.blockDMs(to: "32")
            try await DiscordRepository(database: TrailbrakeDatabase(path: path)).enqueueDirectMessage(recipientID: "32", content: "blocked")
            // After the restart the queue is sent at once; a user who blocks DMs is dropped.
            try await RunningBot.with(fake, database: try TrailbrakeDatabase(path: path)) { running in
                try await eventually("delivered") { await fake.rest.messages(in: "dm31").count == 1 }
                try await eventually("queue empty") { (try? await running.repository.pendingDirectMessages().isEmpty) == true }
            }
            let delivered = try #require(await fake.rest.messages(in: "dm31").first)
            #expect(delivered.payloadObject["content"] as? String == "Your session report")
        }
    }
}
