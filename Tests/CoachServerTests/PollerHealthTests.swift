import Foundation
import Testing

@testable import CoachServer

/// `/api/v1/health` shows the iRacing poller's state when there is a poller, and a failing
/// poller does not make the server unhealthy.
@Suite struct PollerHealthTests {
    struct FixedHealth: BackgroundServiceHealth {
        let report: BackgroundServiceHealthReport
        func healthReport() async -> BackgroundServiceHealthReport { report }
    }

    @Test func healthShowsThePollerWhenThereIsOne() async throws {
        var backend = TestBackend()
        backend.resultsPollerHealth = FixedHealth(
            report: BackgroundServiceHealthReport(
                state: "failing", lastSuccess: Date(timeIntervalSince1970: 1_790_000_000), lastError: "maintenance", pending: 3))
        try await RunningServer.with(backend: backend) { server in
            let (status, body) = try await RESTTests.get(server, "/api/v1/health", token: nil)
            #expect(status == .ok)
            #expect(body.contains(#""iracing_poller":{"#))
            #expect(body.contains(#""state":"failing""#))
            #expect(body.contains(#""last_error":"maintenance""#))
            #expect(body.contains(#""pending":3"#))
        }
        try await RunningServer.with { server in
            let (_, body) = try await RESTTests.get(server, "/api/v1/health", token: nil)
            #expect(!body.contains("iracing_poller"))
        }
    }
}
