import Foundation
import GRDB

extension TeamRepository {
    /// Stores the planner's proposal (version 0), replacing the previous one.
    public func propose(planJSON: String, guildID: String, eventID: Int, actorID: String, at now: Date = Date()) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                guard try Self.event(db, guildID: guildID, eventID: eventID) != nil else { throw StorageError.notFound("event \(eventID)") }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO team_plans (guild_id, event_id, version, plan, created_by, created_at) VALUES (?, ?, 0, ?, ?, ?)",
                    arguments: [guildID, eventID, planJSON, actorID, now])
            }
        }
    }

    /// The proposal (version 0) or the newest published version.
    public func plan(guildID: String, eventID: Int, published: Bool) async throws -> TeamPlanRecord? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT * FROM team_plans WHERE guild_id = ? AND event_id = ? AND (version > 0) = ?
                        ORDER BY version DESC LIMIT 1
                        """,
                    arguments: [guildID, eventID, published]
                ).map(Self.plan)
            }
        }
    }

    /// Publishes the proposal as the next version and queues each driver's DM, all in one
    /// transaction: a crash leaves either nothing or the version with every DM queued. Each DM
    /// carries the key `team-plan:guild:event:version:user`, so it is queued at most once.
    /// `messages` makes the DMs for the version being published. Refused past the
    /// versions-per-event limit (every publish DMs every driver).
    public func publish(
        guildID: String, eventID: Int, actorID: String, at now: Date = Date(),
        messages: @Sendable (_ version: Int, _ planJSON: String) throws -> [TeamPlanMessage]
    ) async throws -> (plan: TeamPlanRecord, queued: Int) {
        try await publish(guildID: guildID, eventID: eventID, actorID: actorID, at: now) { version, json, _ in
            TeamPublication(messages: try messages(version, json))
        }
    }

    /// The same, with the previous published version's JSON given to `build` (so a republish
    /// can DM only the drivers whose part changed) and the reminders of the new version: the
    /// unsent reminders of older versions are replaced, and a stint whose reminder was already
    /// sent (same driver, car, stint and start) keeps its sent row, so it is not reminded twice.
    public func publish(
        guildID: String, eventID: Int, actorID: String, at now: Date = Date(),
        build: @Sendable (_ version: Int, _ planJSON: String, _ previousJSON: String?) throws -> TeamPublication
    ) async throws -> (plan: TeamPlanRecord, queued: Int) {
        let limit = limits.versionsPerEvent
        return try await withStorageErrors {
            try await database.writer.write { db in
                guard let proposal = try Row.fetchOne(
                    db, sql: "SELECT * FROM team_plans WHERE guild_id = ? AND event_id = ? AND version = 0", arguments: [guildID, eventID]
                ).map(Self.plan) else { throw StorageError.notFound("proposal of event \(eventID)") }
                let previous = try Row.fetchOne(
                    db, sql: "SELECT * FROM team_plans WHERE guild_id = ? AND event_id = ? AND version > 0 ORDER BY version DESC LIMIT 1",
                    arguments: [guildID, eventID]
                ).map(Self.plan)
                let version = (previous?.version ?? 0) + 1
                guard version <= limit else { throw StorageError.limitReached("versions_per_event") }
                try db.execute(
                    sql: "INSERT INTO team_plans (guild_id, event_id, version, plan, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [guildID, eventID, version, proposal.planJSON, actorID, now])
                let publication = try build(version, proposal.planJSON, previous?.planJSON)
                var queued = 0
                for message in publication.messages {
                    let key = "team-plan:\(guildID):\(eventID):\(version):\(message.recipientID)"
                    if try DiscordRepository.enqueue(db, recipientID: message.recipientID, content: message.content, dedupeKey: key) {
                        queued += 1
                    }
                }
                try Self.replaceReminders(db, publication.reminders, guildID: guildID, eventID: eventID)
                try Self.audit(db, TeamAuditEntry(
                    guildID: guildID, at: now, actorID: actorID, action: .planPublish, subject: String(eventID),
                    before: version > 1 ? String(version - 1) : nil, after: String(version)))
                let published = TeamPlanRecord(
                    guildID: guildID, eventID: eventID, version: version, planJSON: proposal.planJSON, createdBy: actorID, createdAt: now)
                return (published, queued)
            }
        }
    }

    static func plan(_ row: Row) -> TeamPlanRecord {
        TeamPlanRecord(
            guildID: row["guild_id"], eventID: row["event_id"], version: row["version"], planJSON: row["plan"],
            createdBy: row["created_by"], createdAt: row["created_at"])
    }
}
