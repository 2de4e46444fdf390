import Coaching
@testable import ServerSettings
import Testing

@testable import CoachServer

/// The limit and storage keys of issue 13 (items 2, 3, 7, 10): their edges, and that they reach
/// the parts they bound.
@Suite struct LimitsConfigurationTests {
    func load(_ file: [String: [String: ConfigurationValue]], environment: [String: String] = [:]) throws -> ServerConfiguration {
        try ServerConfiguration.load(file: file, environment: environment)
    }

    @Test func eachLimitIsAcceptedAtItsEdgeAndRefusedPastIt() throws {
        let edges: [(section: String, key: String, lowest: ConfigurationValue, belowIt: ConfigurationValue)] = [
            ("live", "max_laps_per_session", .integer(1), .integer(0)),
            ("live", "max_fragments_per_session", .integer(1), .integer(0)),
            ("live", "batches_per_second", .float(0.1), .float(0.05)),
            ("live", "batch_burst", .integer(1), .integer(0)),
            ("coaching", "max_lap_frames", .integer(1_000), .integer(999)),
            ("coaching", "max_lap_seconds", .integer(60), .integer(59)),
            ("voice", "max_pending_renders", .integer(1), .integer(0)),
            ("voice", "max_pending_renders_per_driver", .integer(1), .integer(0)),
            ("voice", "disk_cache_bytes", .integer(1_048_576), .integer(1_048_575)),
            ("storage", "busy_timeout_ms", .integer(0), .integer(-1)),
            ("storage", "max_pending_lap_writes_per_driver", .integer(1), .integer(0)),
            ("storage", "concurrent_lap_writes", .integer(1), .integer(0)),
            ("storage", "pending_laps_memory_bytes", .integer(1_048_576), .integer(1_048_575)),
            ("storage", "telemetry_retention_days", .integer(0), .integer(-1)),
        ]
        for edge in edges {
            #expect(throws: Never.self, "\(edge.section).\(edge.key)") { try load([edge.section: [edge.key: edge.lowest]]) }
            #expect(throws: ConfigurationError.self, "\(edge.section).\(edge.key)") { try load([edge.section: [edge.key: edge.belowIt]]) }
        }
        // The lap store refuses laps of more than 1,000,000 frames: the cap may not be above it.
        #expect(throws: ConfigurationError.self) { try load(["coaching": ["max_lap_frames": .integer(1_000_001)]]) }
        // Telemetry retention: 0 (forever) by default, at most 100 years, settable from the environment.
        #expect(try load([:]).storage.telemetryRetentionDays == 0)
        #expect(try load(["storage": ["telemetry_retention_days": .integer(36_500)]]).storage.telemetryRetentionDays == 36_500)
        #expect(throws: ConfigurationError.self) { try load(["storage": ["telemetry_retention_days": .integer(36_501)]]) }
        #expect(try load([:], environment: ["TRAILBRAKE_STORAGE_TELEMETRY_RETENTION_DAYS": "30"]).storage.telemetryRetentionDays == 30)
    }

    @Test func synchronousIsNormalOrFullAndTheEnvironmentCanChooseIt() throws {
        #expect(try load([:]).storage.synchronous == "normal")
        #expect(try load([:], environment: ["TRAILBRAKE_STORAGE_SYNCHRONOUS": "full"]).storage.synchronous == "full")
        #expect(throws: ConfigurationError.self) { try load(["storage": ["synchronous": .string("off")]]) }
    }

    @Test func theLimitsReachTheCoachTheQueueAndTheWelcome() throws {
        let configuration = try load([
            "coaching": ["max_lap_frames": .integer(2_000), "max_lap_seconds": .integer(90)],
            "storage": ["lap_store_wait_ms": .integer(250), "retry_initial_seconds": .integer(2), "retry_max_seconds": .integer(1)],
        ])
        let tracking = configuration.coaching.lapTracking
        #expect(tracking.maximumLapFrames == 2_000 && tracking.maximumLapDuration == 90 && tracking.fragmentRule != nil)
        let settings = LapStoreSettings(configuration.storage)
        #expect(settings.wait == .milliseconds(250))
        // A last retry interval below the first is read as the first: backoff never shrinks.
        #expect(settings.backoff(afterFailures: 1) == .seconds(2) && settings.backoff(afterFailures: 9) == .seconds(2))
        let json = ServerMessage.welcome(ServerMessage.Welcome(
            sessionID: "s", resumed: false, nextSequence: 1, reference: .none, maxMessageBytes: 65_536,
            batchesPerSecond: configuration.live.batchesPerSecond, batchBurst: configuration.live.batchBurst)).json()
        #expect(json.contains(#""batches_per_second":60"#) && json.contains(#""batch_burst":1500"#))
    }
}
