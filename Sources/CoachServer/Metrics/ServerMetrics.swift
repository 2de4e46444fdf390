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
    /// Batches coached through a hop because the session runs on another event loop than its
    /// socket (resumed on a socket of another loop); all others are coached on their socket's loop.
    let batchesHopped: CoreMetrics.Counter
    let cuesSent: CoreMetrics.Counter
    let lapsStored: CoreMetrics.Counter
    /// Cues sent with their voice clip, and cues to voice-on drivers sent as text only (clip not ready).
    let voiceClipsSent: CoreMetrics.Counter
    let voiceClipsMissed: CoreMetrics.Counter
    /// Clips sent after their cue, rendered within `LiveSession.lateClipWindow`.
    let voiceClipsLate: CoreMetrics.Counter
    /// Time from draining a session's frames to its last message written.
    let drainDuration: CoreMetrics.Timer
    // Laps that fail to store (`LapStoreQueue`) and laps that are not laps.
    /// Stores that failed in a way that may pass (disk full, database busy): the lap was kept.
    let lapStoreFailures: CoreMetrics.Counter
    /// Laps committed after their `lap` message said `stored: false`.
    let lapsStoredLate: CoreMetrics.Counter
    /// Laps written to a file in `<data_dir>/pending-laps` while memory for waiting laps was full.
    let lapsSpilled: CoreMetrics.Counter
    /// Laps given up for good (the store refuses them, or neither memory nor a file could hold them).
    let lapsLost: CoreMetrics.Counter
    /// Laps not stored yet, and those of them kept in files.
    let lapsPending: CoreMetrics.Gauge
    let lapsInFiles: CoreMetrics.Gauge
    /// Laps the tracker cut that are not laps (`LapFragmentRule`), dropped.
    let lapFragments: CoreMetrics.Counter
    /// Laps in progress ended at the lap cap (`lap_too_long`).
    let lapsCut: CoreMetrics.Counter
    /// Cues not recorded for later review because lap stores were failing at the time.
    let cueRecordsSkipped: CoreMetrics.Counter
    /// The voice's render queue, read when `/metrics` is scraped: phrases waiting or rendering,
    /// and phrases refused since start-up (queue full: their cues went out as text).
    let voiceRendersPending: CoreMetrics.Gauge
    let voiceRendersRefused: CoreMetrics.Gauge
    /// The server's resident memory, read from the OS when `/metrics` is scraped (the load
    /// tool divides it by the number of drivers).
    let residentMemory: CoreMetrics.Gauge

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        self.factory = PrometheusMetricsFactory(registry: registry)
        liveSessions = CoreMetrics.Gauge(label: "trailbrake_live_sessions", factory: factory)
        batchesAccepted = CoreMetrics.Counter(label: "trailbrake_live_batches_total", factory: factory)
        framesAccepted = CoreMetrics.Counter(label: "trailbrake_live_frames_total", factory: factory)
        batchesHopped = CoreMetrics.Counter(label: "trailbrake_live_batches_hopped_total", factory: factory)
        cuesSent = CoreMetrics.Counter(label: "trailbrake_live_cues_total", factory: factory)
        lapsStored = CoreMetrics.Counter(label: "trailbrake_laps_stored_total", factory: factory)
        voiceClipsSent = CoreMetrics.Counter(label: "trailbrake_voice_clips_sent_total", factory: factory)
        voiceClipsMissed = CoreMetrics.Counter(label: "trailbrake_voice_clips_missed_total", factory: factory)
        voiceClipsLate = CoreMetrics.Counter(label: "trailbrake_voice_clips_late_total", factory: factory)
        drainDuration = CoreMetrics.Timer(label: "trailbrake_live_batch_processing_seconds", factory: factory)
        residentMemory = CoreMetrics.Gauge(label: "process_resident_memory_bytes", factory: factory)
        lapStoreFailures = CoreMetrics.Counter(label: "trailbrake_lap_store_failures_total", factory: factory)
        lapsStoredLate = CoreMetrics.Counter(label: "trailbrake_laps_stored_late_total", factory: factory)
        lapsSpilled = CoreMetrics.Counter(label: "trailbrake_laps_spilled_total", factory: factory)
        lapsLost = CoreMetrics.Counter(label: "trailbrake_laps_lost_total", factory: factory)
        lapsPending = CoreMetrics.Gauge(label: "trailbrake_laps_pending", factory: factory)
        lapsInFiles = CoreMetrics.Gauge(label: "trailbrake_laps_pending_in_files", factory: factory)
        lapFragments = CoreMetrics.Counter(label: "trailbrake_lap_fragments_total", factory: factory)
        lapsCut = CoreMetrics.Counter(label: "trailbrake_laps_cut_total", factory: factory)
        cueRecordsSkipped = CoreMetrics.Counter(label: "trailbrake_cue_records_skipped_total", factory: factory)
        voiceRendersPending = CoreMetrics.Gauge(label: "trailbrake_voice_renders_pending", factory: factory)
        voiceRendersRefused = CoreMetrics.Gauge(label: "trailbrake_voice_renders_refused", factory: factory)
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

    /// The Prometheus text exposition of every metric, process memory (and the voice's render
    /// queue, when there is one) refreshed first.
    public func exposition(voice: CueVoiceRenderStatistics? = nil) -> String {
        if let bytes = ProcessMemory.residentBytes() { residentMemory.record(bytes) }
        if let voice {
            voiceRendersPending.record(voice.pending)
            voiceRendersRefused.record(voice.refused)
        }
        return registry.emitToString()
    }
}
