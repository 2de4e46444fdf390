import Foundation
import GRDB

extension TeamRepository {
    /// Signs a driver up, or updates their sign-up (member id, zone, language, licences).
    /// Refused past the drivers-per-event limit (a new driver only), when the event does not
    /// exist (`not_found`) or when another user signed up with the same iRacing member id
    /// (`duplicate_name`).
    public func register(_ registration: TeamRegistration) async throws {
        let limit = limits.driversPerEvent
        try checkText(registration.displayName)
        // IANA names are at most some 30 characters; anything longer is not one.
        guard registration.timeZone.count <= 64 else { throw StorageError.invalidInput("time zone") }
        try await withStorageErrors {
            try await database.writer.write { db in
                guard try Self.event(db, guildID: registration.guildID, eventID: registration.eventID) != nil else {
                    throw StorageError.notFound("event \(registration.eventID)")
                }
                let owner = try String.fetchOne(
                    db, sql: "SELECT user_id FROM team_registrations WHERE guild_id = ? AND event_id = ? AND member_id = ?",
                    arguments: [registration.guildID, registration.eventID, registration.memberID])
                if let owner, owner != registration.userID { throw StorageError.duplicateName("iracing member \(registration.memberID)") }
                let existing = try Self.registration(db, guildID: registration.guildID, eventID: registration.eventID, userID: registration.userID)
                if existing == nil {
                    let count = try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM team_registrations WHERE guild_id = ? AND event_id = ?",
                        arguments: [registration.guildID, registration.eventID]) ?? 0
                    guard count < limit else { throw StorageError.limitReached("drivers_per_event") }
                }
                try db.execute(
                    sql: """
                        INSERT INTO team_registrations (guild_id, event_id, user_id, member_id, display_name, time_zone, language, licences,
                          registered_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (guild_id, event_id, user_id) DO UPDATE SET member_id = excluded.member_id,
                          display_name = excluded.display_name, time_zone = excluded.time_zone, language = excluded.language,
                          licences = excluded.licences
                        """,
                    arguments: [
                        registration.guildID, registration.eventID, registration.userID, registration.memberID, registration.displayName,
                        registration.timeZone, registration.language, registration.licencesJSON, registration.registeredAt,
                    ])
            }
        }
    }

    public func registration(guildID: String, eventID: Int, userID: String) async throws -> TeamRegistration? {
        try await withStorageErrors {
            try await database.writer.read { db in try Self.registration(db, guildID: guildID, eventID: eventID, userID: userID) }
        }
    }

    /// Replaces a driver's stored licences (refreshed from iRacing before planning).
    public func updateLicences(guildID: String, eventID: Int, userID: String, licencesJSON: String) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: "UPDATE team_registrations SET licences = ? WHERE guild_id = ? AND event_id = ? AND user_id = ?",
                    arguments: [licencesJSON, guildID, eventID, userID])
            }
        }
    }

    /// Everyone signed up, in the order they signed up.
    public func registrations(guildID: String, eventID: Int) async throws -> [TeamRegistration] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM team_registrations WHERE guild_id = ? AND event_id = ? ORDER BY registered_at, user_id",
                    arguments: [guildID, eventID]
                ).map(Self.registration)
            }
        }
    }

    /// Adds a span the driver marked; returns how many they have. Refused when they have not
    /// signed up (`not_found`) or past the spans-per-driver limit.
    @discardableResult
    public func addAvailability(_ span: TeamAvailabilitySpan, guildID: String, eventID: Int, userID: String) async throws -> Int {
        let limit = limits.spansPerDriver
        return try await withStorageErrors {
            try await database.writer.write { db in
                guard try Self.registration(db, guildID: guildID, eventID: eventID, userID: userID) != nil else {
                    throw StorageError.notFound("registration of \(userID)")
                }
                let count = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM team_availability WHERE guild_id = ? AND event_id = ? AND user_id = ?",
                    arguments: [guildID, eventID, userID]) ?? 0
                guard count < limit else { throw StorageError.limitReached("spans_per_driver") }
                try db.execute(
                    sql: """
                        INSERT INTO team_availability (guild_id, event_id, user_id, year, month, day, hour, hours, preferred)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [guildID, eventID, userID, span.year, span.month, span.day, span.hour, span.hours, span.preferred])
                let marked = String(format: "%04d-%02d-%02d %02d:00 +%dh", span.year, span.month, span.day, span.hour, span.hours)
                try Self.audit(db, TeamAuditEntry(
                    guildID: guildID, actorID: userID, action: .availability, subject: "\(eventID):\(userID)",
                    after: marked + (span.preferred ? " preferred" : "")))
                return count + 1
            }
        }
    }

    /// Every driver's marked spans, by Discord user id, in the order they were marked.
    public func availability(guildID: String, eventID: Int) async throws -> [String: [TeamAvailabilitySpan]] {
        try await withStorageErrors {
            try await database.writer.read { db in
                var result: [String: [TeamAvailabilitySpan]] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT * FROM team_availability WHERE guild_id = ? AND event_id = ? ORDER BY id", arguments: [guildID, eventID])
                {
                    result[row["user_id"], default: []].append(TeamAvailabilitySpan(
                        year: row["year"], month: row["month"], day: row["day"], hour: row["hour"], hours: row["hours"],
                        preferred: row["preferred"]))
                }
                return result
            }
        }
    }

    static func registration(_ db: Database, guildID: String, eventID: Int, userID: String) throws -> TeamRegistration? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM team_registrations WHERE guild_id = ? AND event_id = ? AND user_id = ?",
            arguments: [guildID, eventID, userID]
        ).map(registration)
    }

    static func registration(_ row: Row) -> TeamRegistration {
        TeamRegistration(
            guildID: row["guild_id"], eventID: row["event_id"], userID: row["user_id"], memberID: row["member_id"],
            displayName: row["display_name"], timeZone: row["time_zone"], language: row["language"], licencesJSON: row["licences"],
            registeredAt: row["registered_at"])
    }
}
