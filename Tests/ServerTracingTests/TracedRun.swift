import AsyncHTTPClient
import CoachServer
import Foundation
import InMemoryLogging
import LoadTesting
import Logging
import OTLPCollectorFake
import ServerSettings
import ServerTestSupport
import ServerTracing

/// What one traced run of the real server did, by its own counts.
struct TracedRun: Sendable {
    var report: LoadReport
    /// `trailbrake_live_batches_total` and `trailbrake_laps_stored_total`.
    var batchesAccepted: Int
    var lapsStored: Int
    /// The status of `GET /api/v1/sessions`.
    var restStatus: UInt
}

/// Runs the real server (SQLite, shipped references) wired as `serve` wires `[tracing]`,
/// streams one synthesized driver as fast as it acknowledges, asks one REST question, then
/// stops the server, which flushes its spans to the collector.
enum TracedRuns {
    static let source = LapSource.synthesized(reference: LapSource.defaultReference(in: LoadTestServer.referenceDirectory), laps: 2)

    static func run(
        seconds: Double, logs: InMemoryLogHandler = InMemoryLogHandler(),
        afterStreaming: @escaping @Sendable () async -> Void = {},
        configure: @escaping @Sendable (inout ServerConfiguration.Tracing) -> Void
    ) async throws -> TracedRun {
        let logger = Logger(label: "traced-run") { _ in logs }
        return try await LoadTestServer.with(drivers: 1, configure: { configuration in
            configuration.tracing.enabled = true
            // Only the flush at shutdown sends, unless a test asks for more.
            configuration.tracing.exportIntervalSeconds = 600
            configuration.tracing.maxQueueSpans = 200_000
            configure(&configuration.tracing)
        }, wire: { configuration, dependencies in
            guard let exporter = try TraceExporter.make(configuration.tracing, logger: logger) else { return [] }
            dependencies.tracer = exporter.tracer
            return [exporter.service]
        }) { server in
            var options = LoadOptions(url: server.liveURL, tokens: server.tokens)
            options.drivers = 1
            options.duration = .seconds(seconds)
            options.batchSize = 60
            options.pacing = .asFastAsPossible(window: 16)
            options.seed = 7
            let report = try await LoadRun(options: options, source: source).run()
            await afterStreaming()
            var request = HTTPClientRequest(url: server.baseURL + "/api/v1/sessions")
            request.headers.add(name: "Authorization", value: "Bearer \(server.tokens[0])")
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1 << 20)
            return TracedRun(
                report: report, batchesAccepted: Int(server.metric("trailbrake_live_batches_total") ?? -1),
                lapsStored: Int(server.metric("trailbrake_laps_stored_total") ?? -1), restStatus: response.status.code)
        }
    }
}

extension [ExportedSpan] {
    func named(_ name: String) -> [ExportedSpan] { filter { $0.name == name } }

    /// Spans by span id.
    var byID: [String: ExportedSpan] { Dictionary(map { ($0.spanID, $0) }, uniquingKeysWith: { first, _ in first }) }
}
