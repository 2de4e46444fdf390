import Coaching
import Foundation
import GRDB

/// Each driver's stored coaching settings (`driver_coaching_settings`): read when a session
/// starts, replaced by the settings that session runs with (Coaching's `DriverSettings`).
public struct DriverSettingsRepository: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// The driver's stored settings, nil when none were ever stored.
    public func settings(driverID: Int64) async throws -> DriverSettings? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT verbosity, units, topics_off, language FROM driver_coaching_settings WHERE driver_id = ?",
                    arguments: [driverID]
                ).map { row in
                    let topics: String = row["topics_off"]
                    return DriverSettings(
                        verbosity: row["verbosity"], units: row["units"],
                        topicsOff: topics.split(separator: ",").map(String.init), language: row["language"])
                }
            }
        }
    }

    /// Stores `settings` as the driver's defaults, replacing what was there.
    public func save(_ settings: DriverSettings, driverID: Int64, now: Date = Date()) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO driver_coaching_settings (driver_id, verbosity, units, topics_off, language, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT(driver_id) DO UPDATE SET verbosity = excluded.verbosity, units = excluded.units,
                            topics_off = excluded.topics_off, language = excluded.language, updated_at = excluded.updated_at
                        """,
                    arguments: [
                        driverID, settings.preferences.verbosity.rawValue, settings.preferences.units.rawValue,
                        settings.topicsOff.joined(separator: ","), settings.language.rawValue, now,
                    ])
            }
        }
    }
}
