import Foundation

extension ServerConfiguration {
    /// `[tracing]`: OpenTelemetry spans exported over OTLP/HTTP (docs/operations.md, "Traces").
    /// Off by default: then no exporter exists, no task runs and the live path checks one nil.
    public struct Tracing: Sendable, Equatable {
        public var enabled = false
        /// The collector's traces URL; a URL without a path gets OTLP's `/v1/traces`.
        public var endpoint = "http://127.0.0.1:4318/v1/traces"
        /// "http/protobuf" (what every collector takes) or "http/json".
        public var `protocol` = "http/protobuf"
        /// `service.name` of every span's resource: how the backend lists this server.
        public var serviceName = "trailbrake"
        /// Share of live batches that get a span (0 none, 1 every batch); REST requests, lap
        /// stores and iRacing and Discord calls are always traced while tracing is on.
        public var liveBatchSampleRatio = 0.01
        /// Finished spans waiting for export; past it new spans are dropped (counted in the log).
        public var maxQueueSpans = 2048
        /// Spans per export request.
        public var maxExportBatchSpans = 512
        /// How often waiting spans are sent.
        public var exportIntervalSeconds = 5.0
        /// The longest one export (and the flush at shutdown) may take.
        public var exportTimeoutSeconds = 10.0

        /// `endpoint` as the exporter takes it: OTLP's `/v1/traces` added to a URL without a path.
        public var tracesURL: String {
            guard let url = URL(string: endpoint), url.path.isEmpty || url.path == "/" else { return endpoint }
            return endpoint.hasSuffix("/") ? endpoint + "v1/traces" : endpoint + "/v1/traces"
        }

        /// `tracesURL` for the log, a password or token in it masked as `config check` does.
        public var maskedTracesURL: String { SettingText.maskingURLPassword(tracesURL) }
    }

    package func validateTracing() throws {
        guard let url = URL(string: tracing.endpoint), ["http", "https"].contains(url.scheme ?? ""), url.host?.isEmpty == false else {
            throw ConfigurationError.invalidValue(key: "tracing.endpoint", reason: "must be an http:// or https:// URL with a host")
        }
        if tracing.serviceName.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ConfigurationError.invalidValue(key: "tracing.service_name", reason: "must not be empty")
        }
        if tracing.maxExportBatchSpans > tracing.maxQueueSpans {
            throw ConfigurationError.invalidValue(key: "tracing.max_export_batch_spans", reason: "must not exceed tracing.max_queue_spans")
        }
    }
}

extension ConfigurationKey {
    package static let tracing: [ConfigurationKey] = [
        .boolean("tracing", "enabled", \.tracing.enabled),
        .string("tracing", "endpoint", \.tracing.endpoint),
        .string("tracing", "protocol", \.tracing.protocol, allowed: ["http/protobuf", "http/json"]),
        .string("tracing", "service_name", \.tracing.serviceName),
        .float("tracing", "live_batch_sample_ratio", \.tracing.liveBatchSampleRatio, range: 0...1),
        .integer("tracing", "max_queue_spans", \.tracing.maxQueueSpans, range: 1...1_000_000),
        .integer("tracing", "max_export_batch_spans", \.tracing.maxExportBatchSpans, range: 1...1_000_000),
        .float("tracing", "export_interval_seconds", \.tracing.exportIntervalSeconds, range: 0.01...3_600),
        .float("tracing", "export_timeout_seconds", \.tracing.exportTimeoutSeconds, range: 0.01...600),
    ]
}
