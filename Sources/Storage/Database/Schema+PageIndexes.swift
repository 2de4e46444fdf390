import GRDB

extension Schema {
    /// "v6-page-indexes": the REST API pages through a driver's sessions (newest first) and a
    /// session's laps (in driving order) by key; these indexes let each page start at its key
    /// instead of sorting everything before it.
    static func addPageIndexes(_ db: Database) throws {
        try db.create(index: "sessions_by_driver_and_start", on: "sessions", columns: ["driver_id", "started_at"])
        try db.create(index: "laps_by_session_and_start", on: "laps", columns: ["session_id", "start_time", "lap_number"])
    }
}
