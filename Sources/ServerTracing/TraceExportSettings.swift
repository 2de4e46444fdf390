import CoachServer
import ServerSettings

/// What the span exporter needs: `[tracing]` (`init(_:)`) in durations and a full traces URL.
public struct TraceExportSettings: Sendable, Equatable {
    public enum WireFormat: String, Sendable {
        case protobuf = "http/protobuf"
        case json = "http/json"
    }

    /// The collector's full traces URL, e.g. `http://127.0.0.1:4318/v1/traces`.
    public var tracesURL: String
    public var format: WireFormat
    /// `service.name` on every span.
    public var serviceName: String
    /// Finished spans waiting for export; new spans past it are dropped (and logged once).
    public var maxQueueSpans: Int
    public var maxExportBatchSpans: Int
    public var exportInterval: Duration
    /// One export's limit, and the flush's at shutdown.
    public var exportTimeout: Duration

    public init(
        tracesURL: String, format: WireFormat = .protobuf, serviceName: String = "trailbrake", maxQueueSpans: Int = 2048,
        maxExportBatchSpans: Int = 512, exportInterval: Duration = .seconds(5), exportTimeout: Duration = .seconds(10)
    ) {
        self.tracesURL = tracesURL
        self.format = format
        self.serviceName = serviceName
        self.maxQueueSpans = maxQueueSpans
        self.maxExportBatchSpans = maxExportBatchSpans
        self.exportInterval = exportInterval
        self.exportTimeout = exportTimeout
    }
}

extension TraceExportSettings {
    /// The exporter's settings from `[tracing]`.
    public init(_ tracing: ServerConfiguration.Tracing) {
        self.init(
            tracesURL: tracing.tracesURL, format: WireFormat(rawValue: tracing.protocol) ?? .protobuf,
            serviceName: tracing.serviceName, maxQueueSpans: tracing.maxQueueSpans,
            maxExportBatchSpans: tracing.maxExportBatchSpans,
            exportInterval: .milliseconds(Int64(tracing.exportIntervalSeconds * 1_000)),
            exportTimeout: .milliseconds(Int64(tracing.exportTimeoutSeconds * 1_000)))
    }
}
