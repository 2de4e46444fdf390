import Foundation
import Logging
import Testing

@testable import Discord

/// Discord's passing failures (5xx from its edge or backend, refused connections): retried
/// with backoff only when a repeat cannot do the work twice; otherwise a stable error.
@Suite(.enabled(if: DiscordFixtures.available, "needs ../shared/data/discord (absent)"), .timeLimit(.minutes(1)))
struct ServerErrorRetryTests {
    /// The standard policy's shape with short pauses, so the tests stay quick.
    static let quick = ServerErrorRetry(attempts: 3, initialDelay: .milliseconds(20), maximumDelay: .milliseconds(80))

    func client(_ fake: FakeDiscord, log: CapturingLog = CapturingLog()) -> DiscordREST {
        let configuration = fake.configuration()
        let http = fake.http
        return DiscordREST(
            configuration: configuration, token: DiscordToken(FakeDiscord.token), http: { http }, serverErrorRetry: Self.quick,
            logger: Logger(label: "retry-test", factory: log.handler))
    }

    @Test func aResultPostSurvivesTwo503sAndIsDeliveredOnce() async throws {
        try await FakeDiscord.with { fake in
            // The worst case: Discord posted the message and only the answers were lost.
            await fake.rest.failNext(2, status: 503, afterProcessing: true)
            let message = MessagePayload(content: "P1 ana", nonce: "7305511843", enforceNonce: true)
            let id = try await client(fake).createMessage(channel: "50", message)
            #expect(await fake.rest.requests(matching: "POST", "channels/50").count == 3)
            let delivered = await fake.rest.messages(in: "50")
            #expect(delivered.count == 1)
            #expect(delivered.first?.id == id)
        }
    }

    @Test func requestsThatCouldTakeEffectTwiceAreNotRepeated() async throws {
        try await FakeDiscord.with { fake in
            let rest = client(fake)
            await fake.rest.failNext(1, status: 502, afterProcessing: true)
            await #expect(throws: DiscordError.http(status: 502, code: nil, route: "POST /interactions/{id}/{token}/callback")) {
                try await rest.respond(toInteraction: "77", token: "interaction-token", .message("pong"))
            }
            #expect(await fake.rest.requests(matching: "POST", "interactions/").count == 1)
            // A message without a nonce would be posted twice.
            await fake.rest.failNext(1, status: 503, afterProcessing: true)
            await #expect(throws: DiscordError.http(status: 503, code: nil, route: "POST /channels/{channel}/messages")) {
                try await rest.createMessage(channel: "51", MessagePayload(content: "lap 3"))
            }
            #expect(await fake.rest.requests(matching: "POST", "channels/51").count == 1)
            #expect(await fake.rest.messages(in: "51").count == 1)
        }
    }

    @Test func afterTheRetryBudgetTheErrorIsStableAndHoldsNoSecret() async throws {
        let log = CapturingLog()
        try await FakeDiscord.with { fake in
            let rest = client(fake, log: log)
            await fake.rest.failNext(10, status: 502)
            let error = await #expect(throws: DiscordError.self) { try await rest.gatewayURL() }
            #expect(error == .http(status: 502, code: nil, route: "GET /gateway/bot"))
            #expect(error?.code == "http_error")
            #expect(await fake.rest.requests(matching: "GET", "gateway").count == Self.quick.attempts)
            // An edit's path holds the interaction token; neither it nor the bot token may leak.
            await fake.rest.failNext(10, status: 504)
            let edit = await #expect(throws: DiscordError.self) {
                try await rest.editOriginalResponse(application: "100", token: "interaction-secret", MessagePayload(content: "x"))
            }
            #expect(edit == .http(status: 504, code: nil, route: "PATCH /webhooks/{application}/{token}/messages/@original"))
            #expect(await fake.rest.requests(matching: "PATCH", "webhooks/").count == Self.quick.attempts)
            for text in ["\(edit.map(String.init(describing:)) ?? "")", "\(error.map(String.init(describing:)) ?? "")"] + log.all {
                #expect(!text.contains("interaction-secret") && !text.contains(FakeDiscord.token))
            }
        }
        #expect(log.all.filter { $0.contains("retrying") }.count == 2 * (Self.quick.attempts - 1))
    }

    @Test func backoffDoublesUpToTheCapWithJitterInTheUpperHalf() {
        let policy = ServerErrorRetry.standard
        #expect(policy.attempts == 4)
        #expect(policy.delay(beforeRetry: 1, random: 0) == .milliseconds(250))
        #expect(policy.delay(beforeRetry: 1, random: 1) == .milliseconds(500))
        #expect(policy.delay(beforeRetry: 2, random: 1) == .seconds(1))
        #expect(policy.delay(beforeRetry: 3, random: 0.5) == .milliseconds(1_500))
        #expect(policy.delay(beforeRetry: 5, random: 1) == .seconds(4))
        #expect(policy.delay(beforeRetry: 40, random: 0) == .seconds(2))
    }
}
