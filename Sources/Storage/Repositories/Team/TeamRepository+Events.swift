import Foundation
import GRDB

extension TeamRepository {
    /// Stores a new event with its cars; returns it with the id the store gave it (one above the
    /// guild's highest). Refused past the events-per-guild or cars-per-event limit, or with text
    /// too long.
    public func createEvent(_ event: TeamEventRecord, at now: Date = Date()) async throws -> TeamEventRecord {
        try checkText(event.name, event.track)
        for car in event.cars { try checkText(car.name, car.carID) }
        guard !event.cars.isEmpty, event.cars.count <= limits.carsPerEvent else { throw StorageError.limitReached("cars_per_event") }
        let eventsLimit = limits.eventsPerGuild
        return try await withStorageErrors {
            try await database.writer.write { db in
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM team_events WHERE guild_id = ?", arguments: [event.guildID]) ?? 0
                guard count < eventsLimit else { throw StorageError.limitReached("events_per_guild") }
                var stored = event
                // Past every id the guild ever used, deleted events' too (their DM keys stay unique).
                let used = try Int.fetchOne(
                    db, sql: "SELECT max(event_id) FROM team_events WHERE guild_id = ?", arguments: [event.guildID]) ?? 0
                let counted = try Int.fetchOne(
                    db, sql: "SELECT last_event_id FROM team_event_counter WHERE guild_id = ?", arguments: [event.guildID]) ?? 0
                stored.eventID = max(used, counted) + 1
                try db.execute(
                    sql: "INSERT OR REPLACE INTO team_event_counter (guild_id, last_event_id) VALUES (?, ?)",
                    arguments: [event.guildID, stored.eventID])
                try db.execute(
                    sql: """
                        INSERT INTO team_events (guild_id, event_id, name, track, start_at, length_minutes, stint_minutes, min_irating,
                          max_irating, min_licence, min_safety_rating, max_driving_minutes, min_rest_minutes, spotter_required, created_by,
                          created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        stored.guildID, stored.eventID, stored.name, stored.track, stored.start, stored.lengthMinutes, stored.stintMinutes,
                        stored.minIRating, stored.maxIRating, stored.minLicence, stored.minSafetyRating, stored.maxDrivingMinutes,
                        stored.minRestMinutes, stored.spotterRequired, stored.createdBy, now,
                    ])
                for (position, car) in stored.cars.enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO team_event_cars (guild_id, event_id, position, car_id, name, category, crew, captain_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            stored.guildID, stored.eventID, position, car.carID, car.name, car.category, try Self.json(car.crew), car.captainID,
                        ])
                }
                try Self.audit(db, TeamAuditEntry(
                    guildID: stored.guildID, at: now, actorID: stored.createdBy, action: .eventCreate, subject: String(stored.eventID),
                    after: stored.name))
                return stored
            }
        }
    }

    /// The event, or nil when the guild has none with that id.
    public func event(guildID: String, eventID: Int) async throws -> TeamEventRecord? {
        try await withStorageErrors {
            try await database.writer.read { db in try Self.event(db, guildID: guildID, eventID: eventID) }
        }
    }

    static func event(_ db: Database, guildID: String, eventID: Int) throws -> TeamEventRecord? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM team_events WHERE guild_id = ? AND event_id = ?", arguments: [guildID, eventID])
        else { return nil }
        let cars = try Row.fetchAll(
            db, sql: "SELECT * FROM team_event_cars WHERE guild_id = ? AND event_id = ? ORDER BY position", arguments: [guildID, eventID]
        ).map { car in
            TeamCarRecord(
                carID: car["car_id"], name: car["name"], category: car["category"], crew: Self.strings(car["crew"]), captainID: car["captain_id"])
        }
        return TeamEventRecord(
            guildID: guildID, eventID: eventID, name: row["name"], track: row["track"], start: row["start_at"],
            lengthMinutes: row["length_minutes"], stintMinutes: row["stint_minutes"], minIRating: row["min_irating"],
            maxIRating: row["max_irating"], minLicence: row["min_licence"], minSafetyRating: row["min_safety_rating"],
            maxDrivingMinutes: row["max_driving_minutes"], minRestMinutes: row["min_rest_minutes"],
            spotterRequired: row["spotter_required"], cars: cars, createdBy: row["created_by"])
    }

    static func json(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }

    static func strings(_ text: String?) -> [String] {
        text.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
    }
}
