import CoreMetrics
import Metrics
import Prometheus
import Telemetry

/// The server's Prometheus metrics (served by `GET /metrics`).
///
/// Metrics are created through swift-metrics with an explicit factory bound to this server's
/// own registry, so several servers in one process (tests) never share or double-register
/// metrics. The executable also bootstraps `MetricsSystem` with `factory`, so library metrics
/// land in the same registry.
public struct ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let factory: PrometheusMetricsFactory

    /// Connected live sessions (detached, resumable ones are not counted).
    let liveSessions: CoreMetrics.Gauge
    let batchesAccepted: CoreMetrics.Counter
    let framesAccepted: CoreMetrics.Counter
    let cuesSent: CoreMetrics.Counter
    let lapsStored: CoreMetrics.Counter
    /// Cues sent with their voice clip, and cues to voice-on drivers sent as text only (clip not ready).
    let voiceClipsSent: CoreMetrics.Counter
    let voiceClipsMissed: CoreMetrics.Counter
    /// Clips sent after their cue, rendered within `LiveSession.lateClipWindow`.
    let voiceClipsLate: CoreMetrics.Counter
    /// Time from draining a session's frames to its last message written.
    let drainDuration: CoreMetrics.Timer
    /// The server's resident memory, read from the OS when `/metrics` is scraped (the load
    /// tool divides it by the number of drivers).
    let residentMemory: CoreMetrics.Gauge

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        self.factory = PrometheusMetricsFactory(registry: registry)
        liveSessions = CoreMetrics.Gauge(label: "trailbrake_live_sessions", factory: factory)
        batchesAccepted = CoreMetrics.Counter(label: "trailbrake_live_batches_total", factory: factory)
        framesAccepted = CoreMetrics.Counter(label: "trailbrake_live_frames_total", factory: factory)
        cuesSent = CoreMetrics.Counter(label: "trailbrake_live_cues_total", factory: factory)
        lapsStored = CoreMetrics.Counter(label: "trailbrake_laps_stored_total", factory: factory)
        voiceClipsSent = CoreMetrics.Counter(label: "trailbrake_voice_clips_sent_total", factory: factory)
        voiceClipsMissed = CoreMetrics.Counter(label: "trailbrake_voice_clips_missed_total", factory: factory)
        voiceClipsLate = CoreMetrics.Counter(label: "trailbrake_voice_clips_late_total", factory: factory)
        drainDuration = CoreMetrics.Timer(label: "trailbrake_live_batch_processing_seconds", factory: factory)
        residentMemory = CoreMetrics.Gauge(label: "process_resident_memory_bytes", factory: factory)
    }

    /// Counts a protocol error sent to a client, by its stable code.
    func recordError(_ code: ProtocolErrorCode) {
        CoreMetrics.Counter(label: "trailbrake_live_errors_total", dimensions: [("code", code.rawValue)], factory: factory).increment()
    }

    /// Counts messages a slow client lost (`OutboundQueue`): deltas, then voice clips.
    func outboundDropped(_ kind: OutboundMessage.Kind, count: Int) {
        let label = kind == .delta ? "delta" : kind == .voiceClip ? "voice_clip" : "essential"
        CoreMetrics.Counter(label: "trailbrake_live_outbound_dropped_total", dimensions: [("kind", label)], factory: factory)
            .increment(by: count)
    }

    /// Counts WebSocket connections the server ended, by why (`SocketEnding.ServerReason`), and
    /// those that dropped without a close frame.
    func socketEnded(_ ending: SocketEnding) {
        let how: String =
            switch ending.serverReason {
            case .slowClient: "slow_client"
            case .pingTimeout: "ping_timeout"
            case .protocolError: "protocol_error"
            case .requested: "server_close"
            case nil: ending.clientCloseCode == nil ? "dropped" : "client_close"
            }
        CoreMetrics.Counter(label: "trailbrake_live_sockets_ended_total", dimensions: [("how", how)], factory: factory).increment()
    }

    /// The Prometheus text exposition of every metric, process memory refreshed first.
    public func exposition() -> String {
        if let bytes = ProcessMemory.residentBytes() { residentMemory.record(bytes) }
        return registry.emitToString()
    }
}
