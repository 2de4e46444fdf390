import Foundation
import Testing

@testable import CoachServer

/// What an operator's Prometheus scrapes beside the live metrics: HTTP requests by route
/// template and status with their durations, queue depths, build info.
@Suite struct OperatorMetricsTests {
    /// A queue outside the server, as the Discord bot's DM queue and feed are.
    struct FixedQueues: QueueDepthSource {
        let depths: [String: Int]
        func queueDepths() async -> [String: Int] { depths }
    }

    /// The exposition's sample lines, `name{labels} value`.
    static func samples(_ server: RunningServer) async throws -> [String] {
        let (status, text) = try await RESTTests.get(server, "/metrics", token: nil)
        #expect(status == .ok)
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    /// The value of the one sample whose name is `name` and whose labels include all of `labels`.
    static func value(_ samples: [String], _ name: String, _ labels: [String]) -> String? {
        let matching = samples.filter { line in line.hasPrefix(name + "{") && labels.allSatisfy { line.contains($0) } }
        return matching.count == 1 ? matching[0].split(separator: " ").last.map(String.init) : nil
    }

    @Test func requestsAreCountedAndTimedByRouteTemplateAndStatus() async throws {
        try await RunningServer.with { server in
            for _ in 0..<2 { _ = try await RESTTests.get(server, "/api/v1/health", token: nil) }
            _ = try await RESTTests.get(server, "/api/v1/sessions", token: "nope")
            // Hostile paths: every session id and every unknown path must not mint a series.
            for index in 0..<5 {
                _ = try await RESTTests.get(server, "/api/v1/sessions/s-\(UUID().uuidString)-\(index)/laps")
                _ = try await RESTTests.get(server, "/no/such/\(UUID().uuidString)", token: nil)
            }
            let samples = try await Self.samples(server)
            let health = [#"route="/api/v1/health""#, #"method="GET""#, #"status="200""#]
            #expect(Self.value(samples, "trailbrake_http_requests_total", health) == "2")
            #expect(Self.value(samples, "trailbrake_http_request_duration_seconds_count", health) == "2")
            #expect(Self.value(samples, "trailbrake_http_requests_total", [#"route="/api/v1/sessions""#, #"status="401""#]) == "1")
            #expect(Self.value(samples, "trailbrake_http_requests_total", [#"route="/api/v1/sessions/{id}/laps""#]) == "5")
            #expect(Self.value(samples, "trailbrake_http_requests_total", [#"route="NotFound""#, #"status="404""#]) == "5")
            let series = samples.filter { $0.hasPrefix("trailbrake_http_requests_total{") }
            #expect(series.count == 4, "one series per route and status: \(series)")
            #expect(!samples.contains { $0.contains("s-") || $0.contains("/no/such") }, "a raw path reached a label")
        }
    }

    @Test func queueDepthsAndBuildInfo() async throws {
        var backend = TestBackend()
        backend.queueDepths = [FixedQueues(depths: ["dm_queue": 7, "discord_feed": 3])]
        try await RunningServer.with(backend: backend) { server in
            let samples = try await Self.samples(server)
            #expect(Self.value(samples, "trailbrake_queue_depth", [#"queue="dm_queue""#]) == "7.0")
            #expect(Self.value(samples, "trailbrake_queue_depth", [#"queue="discord_feed""#]) == "3.0")
            #expect(Self.value(samples, "trailbrake_queue_depth", [#"queue="lap_writer""#]) == "0.0")
            #expect(Self.value(samples, "trailbrake_build_info", [#"version="\#(CoachServerVersion.serverVersion)""#]) == "1.0")
        }
    }
}
