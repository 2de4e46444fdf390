import Foundation
import GRDB

extension TeamRepository {
    /// The plan an admin edits: the proposal, else (after a publish) the newest published
    /// version, which an edit turns into the next proposal.
    public func editablePlan(guildID: String, eventID: Int) async throws -> TeamPlanRecord? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT * FROM team_plans WHERE guild_id = ? AND event_id = ? ORDER BY version = 0 DESC, version DESC LIMIT 1",
                    arguments: [guildID, eventID]
                ).map(Self.plan)
            }
        }
    }

    /// Stores an admin's edit as the proposal (version 0) with its audit entry, in one transaction.
    public func saveEdit(planJSON: String, guildID: String, eventID: Int, audit entry: TeamAuditEntry, at now: Date = Date()) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try Self.storeProposal(db, planJSON: planJSON, guildID: guildID, eventID: eventID, actorID: entry.actorID, at: now)
                try Self.audit(db, entry)
            }
        }
    }

    /// Changes a car's crew and captain (and, when given, the proposal that follows from it),
    /// audited with the crew and captain before and after.
    public func updateCar(
        guildID: String, eventID: Int, carID: String, crew: [String], captainID: String?, planJSON: String?, actorID: String,
        at now: Date = Date()
    ) async throws {
        let crewLimit = limits.driversPerEvent
        try await withStorageErrors {
            try await database.writer.write { db in
                guard let event = try Self.event(db, guildID: guildID, eventID: eventID), let car = event.cars.first(where: { $0.carID == carID })
                else { throw StorageError.notFound("car \(carID) of event \(eventID)") }
                guard crew.count <= crewLimit else { throw StorageError.limitReached("drivers_per_event") }
                try db.execute(
                    sql: "UPDATE team_event_cars SET crew = ?, captain_id = ? WHERE guild_id = ? AND event_id = ? AND car_id = ?",
                    arguments: [try Self.json(crew), captainID, guildID, eventID, carID])
                if let planJSON { try Self.storeProposal(db, planJSON: planJSON, guildID: guildID, eventID: eventID, actorID: actorID, at: now) }
                func summary(_ crew: [String], _ captain: String?) -> String { "crew=\(crew.joined(separator: ",")) captain=\(captain ?? "")" }
                try Self.audit(db, TeamAuditEntry(
                    guildID: guildID, at: now, actorID: actorID, action: .crewChange, subject: "\(eventID):\(carID)",
                    before: summary(car.crew, car.captainID), after: summary(crew, captainID)))
            }
        }
    }

    /// Deletes an event with its cars, sign-ups, hours, plans and reminders, and drops the
    /// plan DMs and reminders of it still queued (news of a cancelled event helps nobody; a
    /// DM half sent stops after its sent parts). Broadcasts already queued are kept: they were
    /// messages to people, not parts of the event. Returns the event's name and the DMs dropped.
    public func deleteEvent(guildID: String, eventID: Int, actorID: String, at now: Date = Date()) async throws -> (name: String, droppedDMs: Int) {
        try await withStorageErrors {
            try await database.writer.write { db in
                guard let event = try Self.event(db, guildID: guildID, eventID: eventID) else { throw StorageError.notFound("event \(eventID)") }
                var dropped = 0
                for kind in ["team-plan", "team-reminder"] {
                    let prefix = "\(kind):\(guildID):\(eventID):"
                    try db.execute(
                        sql: "DELETE FROM discord_dm_queue WHERE substr(dedupe_key, 1, ?) = ?", arguments: [prefix.utf8.count, prefix])
                    dropped += db.changesCount
                }
                try db.execute(sql: "DELETE FROM team_events WHERE guild_id = ? AND event_id = ?", arguments: [guildID, eventID])
                try Self.audit(db, TeamAuditEntry(
                    guildID: guildID, at: now, actorID: actorID, action: .eventDelete, subject: String(eventID), before: event.name,
                    after: "dropped_dms=\(dropped)"))
                return (event.name, dropped)
            }
        }
    }

    static func storeProposal(_ db: Database, planJSON: String, guildID: String, eventID: Int, actorID: String, at now: Date) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO team_plans (guild_id, event_id, version, plan, created_by, created_at) VALUES (?, ?, 0, ?, ?, ?)",
            arguments: [guildID, eventID, planJSON, actorID, now])
    }
}
