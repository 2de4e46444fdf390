import Foundation
import Hummingbird
import Storage

/// Unauthenticated operator endpoints: health, Prometheus metrics and the API's OpenAPI document.
struct OperationsRoutes: Sendable {
    let registry: SessionRegistry
    let metrics: ServerMetrics
    let databaseHealth: any DatabaseHealthCheck
    var resultsPollerHealth: (any BackgroundServiceHealth)? = nil
    let startedAt: ContinuousClock.Instant
    /// Laps not stored yet (database failing); nil in tests that build the routes alone.
    var lapStore: LapStoreQueue? = nil
    /// Its render queue is reported in `/metrics`.
    var voice: (any CueVoice)? = nil
    /// Queues outside the server (the Discord bot's), reported in `/metrics`.
    var queueDepths: [any QueueDepthSource] = []
    /// The laps in progress's spool, its size reported in `/metrics`; nil when off.
    var lapSpool: LapChunkSpool? = nil

    struct Health: Encodable {
        let status: String
        let version: String
        let uptimeSeconds: Double
        let liveSessions: Int
        let databaseOk: Bool
        /// Absent when the iRacing poller is off. Its failures do not make the server unhealthy.
        let iracingPoller: BackgroundServiceHealthReport?
        /// Laps not stored yet. While stores fail, `status` is "degraded" (HTTP 200: coaching goes on).
        let laps: LapStoreHealth?
    }

    func register(on router: Router<DriverRequestContext>) {
        router.get("/api/v1/health") { _, _ in try await health() }
        router.get("/api/v1/openapi.yaml") { _, _ in OpenAPIDocument.response() }
        router.get("/metrics") { _, _ in
            metrics.recordQueueDepths(await currentQueueDepths())
            if let lapSpool { metrics.recordLapSpool(bytes: lapSpool.fileBytes, extentsInUse: lapSpool.extentsInUse) }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.exposition(voice: voice?.renderQueueStatistics))))
        }
    }

    /// Every queue's depth: the lap writer's (laps not stored yet), the voice's renders, and the
    /// outside sources'.
    private func currentQueueDepths() async -> [String: Int] {
        var depths: [String: Int] = [:]
        if let lapStore { depths["lap_writer"] = await lapStore.health().pending }
        if let pending = voice?.renderQueueStatistics?.pending { depths["voice"] = pending }
        for source in queueDepths { depths.merge(await source.queueDepths()) { $1 } }
        return depths
    }

    /// 200 when the database answers, 503 otherwise (load balancers act on the status alone).
    private func health() async throws -> Response {
        let databaseOK = await databaseHealth.isDatabaseHealthy()
        let uptime = ContinuousClock.now - startedAt
        let laps = await lapStore?.health()
        let lapsOK = laps.map { $0.storing && $0.inFiles == 0 } ?? true
        let health = Health(
            status: databaseOK && lapsOK ? "ok" : "degraded", version: CoachServerVersion.serverVersion,
            uptimeSeconds: Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18,
            liveSessions: await registry.liveSessionCount, databaseOk: databaseOK,
            iracingPoller: await resultsPollerHealth?.healthReport(), laps: laps)
        return try JSONResponse.make(health, status: databaseOK ? .ok : .serviceUnavailable)
    }
}
