import Foundation
import HummingbirdWSClient
import Testing

@testable import CoachServer

@Suite struct OperationsTests {
    struct Health: Decodable {
        var status: String
        var version: String
        var uptime_seconds: Double
        var live_sessions: Int
        var database_ok: Bool
    }

    @Test func healthCountsLiveSessionsAndReportsTheDatabase() async throws {
        try await RunningServer.with { server in
            try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    let (status, body) = try await RESTTests.get(server, "/api/v1/health", token: nil)
                    #expect(status == .ok)
                    let health = try JSONDecoder().decode(Health.self, from: Data(body.utf8))
                    #expect(health.status == "ok")
                    #expect(health.live_sessions == 1)
                    #expect(health.database_ok)
                    #expect(health.version == CoachServerVersion.serverVersion)
                }
            }
        }
        var backend = TestBackend()
        backend.databaseHealth.healthy = false
        try await RunningServer.with(backend: backend) { server in
            let (status, body) = try await RESTTests.get(server, "/api/v1/health", token: nil)
            #expect(status == .serviceUnavailable)
            #expect(body.contains(#""database_ok":false"#))
        }
    }

    @Test func metricsCountBatchesFramesCuesAndErrors() async throws {
        try await RunningServer.with { server in
            try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    try await outbound.write(.text("{"))
                    _ = try await reader.next("error")
                    var frames = ClientMessages.frames(5)
                    frames[0].brake = 1
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, frames)))
                    _ = try await reader.next("cue")
                }
            }
            let (status, text) = try await RESTTests.get(server, "/metrics", token: nil)
            #expect(status == .ok)
            let lines = Set(text.split(separator: "\n").map(String.init))
            #expect(lines.contains("trailbrake_live_batches_total 1"))
            #expect(lines.contains("trailbrake_live_frames_total 5"))
            #expect(lines.contains("trailbrake_live_cues_total 1"))
            #expect(lines.contains(#"trailbrake_live_errors_total{code="malformed_json"} 1"#))
            #expect(text.contains("trailbrake_live_batch_processing_seconds"))
        }
    }
}
