import CoachServer
import Logging
import OTel
import ServerSettings
import ServiceLifecycle
import Tracing

/// Builds the tracer the server's parts are given and the service that exports its spans over
/// OTLP/HTTP (swift-otel's batch processor: a bounded queue, sent every `exportInterval`,
/// flushed when the service group shuts down).
///
/// The tracer is returned, not bootstrapped into the process-global `InstrumentationSystem`,
/// so tracing stays a value the server is handed: off means no tracer exists at all.
public enum TraceExporter {
    public static func make(_ settings: TraceExportSettings, logger: Logger) throws -> (tracer: any Tracer, service: any Service) {
        var configuration = OTel.Configuration.default
        configuration.serviceName = settings.serviceName
        // Logs and metrics have their own outputs (stderr, /metrics): spans only.
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.traces.enabled = true
        // Every span is kept (a caller's `traceparent` that says "not sampled" is honoured);
        // live batches are sampled by the server before any span exists.
        configuration.traces.sampler = .parentBasedAlwaysOn
        configuration.traces.exporter = .otlp
        configuration.traces.otlpExporter.endpoint = settings.tracesURL
        configuration.traces.otlpExporter.protocol = settings.format == .json ? .httpJSON : .httpProtobuf
        configuration.traces.otlpExporter.timeout = settings.exportTimeout
        configuration.traces.batchSpanProcessor.maxQueueSize = settings.maxQueueSpans
        configuration.traces.batchSpanProcessor.maxExportBatchSize = settings.maxExportBatchSpans
        configuration.traces.batchSpanProcessor.scheduleDelay = settings.exportInterval
        configuration.traces.batchSpanProcessor.exportTimeout = settings.exportTimeout
        configuration.propagators = [.traceContext]
        // The exporter's own complaints: warnings and errors, each kind once.
        let once = OnceLogHandler(forwardingTo: logger.handler)
        configuration.diagnosticLogger = .custom(Logger(label: "trailbrake.tracing") { _ in once })
        configuration.diagnosticLogLevel = .warning
        let backend = try OTel.makeTracingBackend(configuration: configuration)
        return (backend.factory, backend.service)
    }
}

extension TraceExporter {
    /// `[tracing]` as `serve` applies it: nil when tracing is off (no exporter, no task, no
    /// tracer), else the tracer and its exporting service.
    public static func make(
        _ tracing: ServerConfiguration.Tracing, logger: Logger
    ) throws -> (tracer: any Tracer, service: any Service)? {
        guard tracing.enabled else { return nil }
        return try make(TraceExportSettings(tracing), logger: logger)
    }
}
