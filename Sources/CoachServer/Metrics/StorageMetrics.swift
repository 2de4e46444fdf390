import CoreMetrics
import Storage

// The database as operators watch it: how long lap commits and REST reads take, and what
// telemetry retention deleted. Label values come from closed sets (query names in code).
extension ServerMetrics: DatabaseTimings {
    /// `trailbrake_db_lap_commit_seconds`: a lap's transaction, waiting for the writer included.
    public func lapCommitted(in duration: Duration) {
        CoreMetrics.Timer(label: "trailbrake_db_lap_commit_seconds", factory: factory).recordNanoseconds(Self.nanoseconds(duration))
    }

    /// `trailbrake_db_query_seconds{query}`: one REST read.
    public func queried(_ name: String, in duration: Duration) {
        CoreMetrics.Timer(label: "trailbrake_db_query_seconds", dimensions: [("query", name)], factory: factory)
            .recordNanoseconds(Self.nanoseconds(duration))
    }

    /// The laps in progress's spool at the scrape: `trailbrake_lap_spool_bytes` (the file's
    /// extents, free ones included: what it takes on disk) and `trailbrake_lap_spool_extents_in_use`.
    func recordLapSpool(bytes: Int, extentsInUse: Int) {
        CoreMetrics.Gauge(label: "trailbrake_lap_spool_bytes", factory: factory).record(bytes)
        CoreMetrics.Gauge(label: "trailbrake_lap_spool_extents_in_use", factory: factory).record(extentsInUse)
    }

    /// Laps whose telemetry `TelemetryRetentionService` deleted.
    func recordTelemetryRetention(deletedLaps: Int) {
        CoreMetrics.Counter(label: "trailbrake_telemetry_retention_deleted_laps_total", factory: factory).increment(by: deletedLaps)
    }
}
