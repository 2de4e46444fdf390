import Foundation
import Logging
import OTLPCollectorFake
import ServerTracing
import Testing

@testable import Discord

/// With tracing on, each REST call (its retries included) is one `client` span named by the
/// route's template: channel ids and interaction tokens never reach the collector.
@Suite(.enabled(if: DiscordFixtures.available, "needs ../shared/data/discord (absent)"), .timeLimit(.minutes(1)))
struct RESTTracingTests {
    @Test func aCallIsOneClientSpanNamedByItsTemplate() async throws {
        try await FakeOTLPCollector.with { collector in
            let exporter = try TraceExporter.make(
                TraceExportSettings(tracesURL: collector.tracesURL, exportInterval: .seconds(600)), logger: Logger(label: "test"))
            let secret = "interaction-token-5d41402abc4b2a76"
            try await withService(exporter.service) {
                try await FakeDiscord.with { fake in
                    var rest = DiscordREST(
                        configuration: fake.configuration(), token: DiscordToken(FakeDiscord.token), http: fake.http,
                        logger: Logger(label: "rest-test"))
                    rest.tracer = exporter.tracer
                    _ = try await rest.createMessage(channel: "42", MessagePayload(content: "traced"))
                    try await rest.respond(toInteraction: "7", token: secret, InteractionResponse(type: 1))
                }
            }
            let spans = collector.spans
            let post = try #require(spans.first { $0.name == "discord POST /channels/{channel}/messages" })
            #expect(post.kind == 3 && post.int("http.response.status_code") == 200 && post.statusCode != 2)
            let callback = try #require(spans.first { $0.name == "discord POST /interactions/{id}/{token}/callback" })
            #expect(callback.kind == 3 && callback.int("http.response.status_code") == 204)
            #expect(spans.count == 2)
            #expect(!spans.contains { span in span.name.contains(secret) || span.attributes.values.contains(.string(secret)) })
        }
    }
}
