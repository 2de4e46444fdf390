import Foundation
import Logging
import Testing

@testable import Discord

/// The REST client against the fake's buckets: no 429 in a burst, 429s from another client
/// handled, the token and User-Agent on every request, the invalid-request guard.
@Suite(.enabled(if: DiscordFixtures.available, "needs ../shared/data/discord (absent)"), .timeLimit(.minutes(1)))
struct RESTRateLimitTests {
    func client(_ fake: FakeDiscord, token: String = FakeDiscord.token, budget: Int = 5_000) -> DiscordREST {
        var configuration = fake.configuration()
        configuration.invalidRequestBudget = budget
        return DiscordREST(configuration: configuration, token: DiscordToken(token), http: fake.http, logger: Logger(label: "rest-test"))
    }

    @Test func aBurstOf100PostsObeysTheBucketWithoutA429() async throws {
        try await FakeDiscord.with { fake in
            // Windows long against loopback latency, as Discord's (5 per 5 s) are against the internet's.
            await fake.rest.configureBuckets(limit: 20, window: 0.5)
            let rest = client(fake)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                for index in 0..<100 {
                    tasks.addTask { try await rest.createMessage(channel: "42", MessagePayload(content: "post \(index)")) }
                }
                try await tasks.waitForAll()
            }
            #expect(await fake.rest.tooManyRequests == 0)
            #expect(await fake.rest.messages(in: "42").count == 100)
            let requests = await fake.rest.requests(matching: "POST", "channels/42")
            #expect(requests.allSatisfy { $0.authorization == "Bot \(FakeDiscord.token)" })
            #expect(requests.allSatisfy { $0.userAgent?.hasPrefix("DiscordBot (https://") == true })
        }
    }

    /// 100 posts at once over twelve channels (one hot) against buckets of 5 per half second, with
    /// internet-like delays: answers overtake each other, and posts held back by the global 50
    /// per second go out at window edges. A limiter that forgets the requests still in flight
    /// when it learns a new window sends more than the window allows and meets 429s.
    @Test func concurrentPostsOnManyChannelsNeverOverrunAWindow() async throws {
        try await FakeDiscord.with { fake in
            // Delays up to 40 % of a window, as a slow second on the internet is against Discord's
            // 5 s windows; the pool of 8 connections queues the rest.
            await fake.rest.configureBuckets(limit: 5, window: 0.5)
            await fake.rest.configureLatency(arrival: 0.002...0.2, answer: 0.002...0.2)
            let rest = client(fake)
            let posts = (0..<100).map { index in (channel: index < 34 ? "900" : "\(901 + index % 11)", content: "post \(index)") }
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                for post in posts {
                    tasks.addTask { try await rest.createMessage(channel: post.channel, MessagePayload(content: post.content)) }
                }
                try await tasks.waitForAll()
            }
            #expect(await fake.rest.tooManyRequests == 0)
            #expect(await fake.rest.peakArrivalsPerWindow <= 5)
            #expect(await fake.rest.posted.count == 100)
            for channel in Set(posts.map(\.channel)) {
                let delivered = await fake.rest.messages(in: channel).compactMap { $0.payloadObject["content"] as? String }
                #expect(delivered.sorted() == posts.filter { $0.channel == channel }.map(\.content).sorted())
            }
        }
    }

    @Test func a429WithTheRealHeadersIsWaitedOutAndRetried() async throws {
        try await FakeDiscord.with { fake in
            await fake.rest.configureBuckets(limit: 3, window: 2)
            // Another process (its own limiter) has used the channel's bucket: this client's
            // first post meets a 429 with the captured headers, waits it out, and succeeds.
            let other = client(fake)
            for index in 0..<3 { try await other.createMessage(channel: "7", MessagePayload(content: "other \(index)")) }
            let rest = client(fake)
            let started = ContinuousClock.now
            try await rest.createMessage(channel: "7", MessagePayload(content: "mine"))
            #expect(await fake.rest.tooManyRequests >= 1)
            #expect(await fake.rest.messages(in: "7").count == 4)
            // It waited for the window instead of hammering Discord.
            #expect(await fake.rest.requests(matching: "POST", "channels/7").count <= 6)
            #expect(ContinuousClock.now - started > .milliseconds(500))
        }
    }

    @Test func anInvalidTokenStopsAllRequests() async throws {
        try await FakeDiscord.with { fake in
            let rest = client(fake, token: "not-the-token")
            await #expect(throws: DiscordError.unauthorized) { try await rest.createMessage(channel: "1", MessagePayload(content: "x")) }
            await #expect(throws: DiscordError.unauthorized) { try await rest.createMessage(channel: "1", MessagePayload(content: "y")) }
            #expect(await fake.rest.requests.count == 1)
        }
    }

    @Test func theInvalidRequestGuardStopsBeforeTheLimit() async throws {
        try await FakeDiscord.with { fake in
            await fake.rest.blockDMs(to: "5")
            let rest = client(fake, budget: 3)
            for _ in 0..<3 {
                await #expect(throws: DiscordError.http(status: 403, code: 50007, route: "POST /users/@me/channels")) {
                    try await rest.createDMChannel(recipient: "5")
                }
            }
            await #expect(throws: DiscordError.invalidRequestBudgetExhausted) { try await rest.createDMChannel(recipient: "6") }
            #expect(await fake.rest.requests.count == 3)
        }
    }

    @Test func oversizedMessagesAreRefusedBeforeSending() async throws {
        try await FakeDiscord.with { fake in
            let rest = client(fake)
            let long = String(repeating: "x", count: MessageLimits.content + 1)
            await #expect(throws: DiscordError.messageTooLarge("content over 2000")) {
                try await rest.createMessage(channel: "1", MessagePayload(content: long))
            }
            #expect(await fake.rest.requests.isEmpty)
        }
    }
}

/// Discord's limits, checked before sending, and the packing of long tables.
struct MessageLimitTests {
    @Test func packingKeepsEveryMessageWithinTheLimits() {
        let value = String(repeating: "v", count: 1_000)
        let embeds = (0..<12).map { index in
            Embed(title: "Part \(index)", fields: (0..<5).map { EmbedField(name: "field \($0)", value: value) })
        }
        let messages = MessageSplitter.pack(embeds)
        #expect(messages.flatMap { $0 } == embeds)
        #expect(messages.count > 1)
        for message in messages {
            #expect(MessageLimits.violation(MessagePayload(embeds: message)) == nil)
        }
    }

    @Test func violationsAreNamed() {
        #expect(MessageLimits.violation(MessagePayload(embeds: [Embed(title: String(repeating: "t", count: 257))])) == "embed title over 256")
        let fields = (0..<26).map { EmbedField(name: "n\($0)", value: "v") }
        #expect(MessageLimits.violation(MessagePayload(embeds: [Embed(fields: fields)])) == "more than 25 fields")
        #expect(MessageLimits.violation(MessagePayload(embeds: Array(repeating: Embed(title: "t"), count: 11))) == "more than 10 embeds")
        #expect(MessageLimits.violation(MessagePayload(embeds: [Embed(fields: [EmbedField(name: "n", value: String(repeating: "v", count: 1_025))])])) == "field value over 1024")
    }

    @Test func chunkingBreaksBetweenLines() {
        let lines = (0..<300).map { "line \($0) " + String(repeating: "x", count: 20) }
        let chunks = MessageSplitter.chunk(lines: lines, limit: 2_000)
        #expect(chunks.allSatisfy { $0.count <= 2_000 })
        #expect(chunks.joined(separator: "\n") == lines.joined(separator: "\n"))
    }
}
