import CoachServer
import ServerSettings
import Testing

/// `[tracing]`: off by default, its limits at their edges, environment overrides, the endpoint.
struct TracingConfigurationTests {
    static func load(_ values: [String: ConfigurationValue] = [:], environment: [String: String] = [:]) throws -> ServerConfiguration {
        try ServerConfiguration.load(file: values.isEmpty ? [:] : ["tracing": values], environment: environment)
    }

    @Test func offByDefault() throws {
        let tracing = try Self.load().tracing
        #expect(!tracing.enabled)
        #expect(tracing.tracesURL == "http://127.0.0.1:4318/v1/traces")
        #expect(tracing.liveBatchSampleRatio == 0.01)
    }

    @Test func theSampleRatioIsBetweenZeroAndOne() throws {
        #expect(try Self.load(["live_batch_sample_ratio": .integer(0)]).tracing.liveBatchSampleRatio == 0)
        #expect(try Self.load(["live_batch_sample_ratio": .integer(1)]).tracing.liveBatchSampleRatio == 1)
        #expect(throws: ConfigurationError.self) { try Self.load(["live_batch_sample_ratio": .float(1.0001)]) }
        #expect(throws: ConfigurationError.self) { try Self.load(["live_batch_sample_ratio": .float(-0.0001)]) }
        let fromEnvironment = try Self.load(environment: ["TRAILBRAKE_TRACING_LIVE_BATCH_SAMPLE_RATIO": "0.5"])
        #expect(fromEnvironment.tracing.liveBatchSampleRatio == 0.5)
        #expect(throws: ConfigurationError.self) { try Self.load(environment: ["TRAILBRAKE_TRACING_LIVE_BATCH_SAMPLE_RATIO": "2"]) }
    }

    @Test func queueAndBatchLimits() throws {
        #expect(try Self.load(["max_queue_spans": .integer(1), "max_export_batch_spans": .integer(1)]).tracing.maxQueueSpans == 1)
        #expect(throws: ConfigurationError.self) { try Self.load(["max_queue_spans": .integer(0)]) }
        #expect(throws: ConfigurationError.self) { try Self.load(["max_queue_spans": .integer(1_000_001)]) }
        // A batch larger than the queue could never be sent whole.
        #expect(throws: ConfigurationError.self) { try Self.load(["max_queue_spans": .integer(10), "max_export_batch_spans": .integer(11)]) }
        #expect(throws: ConfigurationError.self) { try Self.load(["export_timeout_seconds": .float(0)]) }
    }

    @Test func theEndpointIsAnHTTPURLAndABareOneGetsTheTracesPath() throws {
        #expect(try Self.load(["endpoint": .string("http://collector:4318")]).tracing.tracesURL == "http://collector:4318/v1/traces")
        #expect(try Self.load(["endpoint": .string("https://c.example/")]).tracing.tracesURL == "https://c.example/v1/traces")
        #expect(try Self.load(["endpoint": .string("https://c.example/otlp/v1/traces")]).tracing.tracesURL == "https://c.example/otlp/v1/traces")
        #expect(throws: ConfigurationError.self) { try Self.load(["endpoint": .string("collector:4318")]) }
        #expect(throws: ConfigurationError.self) { try Self.load(["endpoint": .string("grpc://collector:4317")]) }
        #expect(throws: ConfigurationError.self) { try Self.load(["protocol": .string("grpc")]) }
        #expect(throws: ConfigurationError.self) { try Self.load(["service_name": .string("  ")]) }
        // A token in the URL is masked wherever the URL is shown.
        let masked = try Self.load(["endpoint": .string("https://user:secret@c.example")]).tracing.maskedTracesURL
        #expect(!masked.contains("secret"))
    }
}
