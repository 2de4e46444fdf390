import AsyncHTTPClient
import Foundation
import OTLPCollectorFake
import Testing

/// `trailbrake serve` with `[tracing]` on, as an operator runs it: the exporter runs in the
/// service group and, stopping after the server on SIGTERM, flushes the spans it holds.
@Suite(.enabled(if: EndToEndServerProcess.executable != nil, "skipped: the trailbrake executable is not built (swift build)"))
struct ServeTracingTests {
    @Test func serveSendsItsSpansWhenItStops() async throws {
        try await FakeOTLPCollector.with { collector in
            let executable = try #require(EndToEndServerProcess.executable)
            let server = try await EndToEndServerProcess(executable: executable, environment: [
                "TRAILBRAKE_TRACING_ENABLED": "true", "TRAILBRAKE_TRACING_ENDPOINT": collector.tracesURL,
                // Nothing is sent on the timer during the test: only the flush at shutdown.
                "TRAILBRAKE_TRACING_EXPORT_INTERVAL_SECONDS": "600",
            ])
            defer { server.tearDown() }
            var request = HTTPClientRequest(url: server.baseURL + "/api/v1/sessions")
            request.headers.add(name: "Authorization", value: "Bearer \(server.token)")
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1 << 20)
            #expect(response.status.code == 200)
            #expect(collector.requestCount == 0)

            #expect(await server.terminateGracefully(within: 30) != nil, "serve stopped")
            let rest = collector.spans.first { $0.name == "GET /api/v1/sessions" }
            #expect(rest?.serviceName == "trailbrake" && rest?.int("http.response.status_code") == 200)
        }
    }
}
