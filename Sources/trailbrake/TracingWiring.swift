import CoachServer
import Logging
import ServerSettings
import ServerTracing
import ServiceLifecycle
import Tracing

/// `[tracing]` in `serve`: when enabled, the tracer handed to the server, the iRacing client and
/// the Discord bot, and the exporter's service; when off, nothing at all.
enum TracingWiring {
    static func make(_ configuration: ServerConfiguration, logger: Logger) throws -> (tracer: any Tracer, service: any Service)? {
        guard let exporter = try TraceExporter.make(configuration.tracing, logger: logger.withComponent("tracing")) else { return nil }
        logger.info("exporting traces", metadata: [
            "endpoint": "\(configuration.tracing.maskedTracesURL)",
            "live_batch_sample_ratio": "\(configuration.tracing.liveBatchSampleRatio)",
        ])
        return exporter
    }
}
