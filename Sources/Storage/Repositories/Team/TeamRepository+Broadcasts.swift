import Foundation
import GRDB

extension TeamRepository {
    /// Queues an admin's message to each recipient once (duplicates removed, each DM keyed
    /// `team-broadcast:guild:id:user`), with the broadcast row and its audit entry, in one
    /// transaction. Refused past `perDay` broadcasts in the last 24 hours. `content` is the DM
    /// (as stored with the broadcast); `personal` gives a recipient their own wording (their
    /// language). Returns the broadcast's id (per guild, from 1) and how many DMs were queued.
    public func broadcast(
        guildID: String, audience: String, recipients: [String], actorID: String, perDay: Int, at now: Date = Date(),
        content: String, personal: [String: String] = [:]
    ) async throws -> (id: Int, queued: Int) {
        let unique = recipients.reduce(into: [String]()) { list, user in if !list.contains(user) { list.append(user) } }
        return try await withStorageErrors {
            try await database.writer.write { db in
                let recent = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM team_broadcasts WHERE guild_id = ? AND created_at > ?",
                    arguments: [guildID, now.addingTimeInterval(-86_400)]) ?? 0
                guard recent < perDay else { throw StorageError.limitReached("broadcasts_per_day") }
                let id = (try Int.fetchOne(
                    db, sql: "SELECT max(broadcast_id) FROM team_broadcasts WHERE guild_id = ?", arguments: [guildID]) ?? 0) + 1
                try db.execute(
                    sql: """
                        INSERT INTO team_broadcasts (guild_id, broadcast_id, audience, actor_id, content, recipients, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [guildID, id, audience, actorID, content, unique.count, now])
                var queued = 0
                for user in unique {
                    let key = "team-broadcast:\(guildID):\(id):\(user)"
                    if try DiscordRepository.enqueue(db, recipientID: user, content: personal[user] ?? content, dedupeKey: key) { queued += 1 }
                }
                try Self.audit(db, TeamAuditEntry(
                    guildID: guildID, at: now, actorID: actorID, action: .broadcast, subject: String(id), before: audience,
                    after: String(queued)))
                return (id, queued)
            }
        }
    }

    /// A broadcast's delivery so far, or nil when the guild has none with that id.
    public func broadcastStatus(guildID: String, broadcastID: Int) async throws -> TeamBroadcastStatus? {
        try await withStorageErrors {
            try await database.writer.read { db in
                guard let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM team_broadcasts WHERE guild_id = ? AND broadcast_id = ?", arguments: [guildID, broadcastID])
                else { return nil }
                let prefix = "team-broadcast:\(guildID):\(broadcastID):"
                let waiting = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM discord_dm_queue WHERE substr(dedupe_key, 1, ?) = ?", arguments: [prefix.utf8.count, prefix]) ?? 0
                let closed = try String.fetchAll(
                    db, sql: "SELECT recipient_id FROM discord_dm_undeliverable WHERE substr(dedupe_key, 1, ?) = ? ORDER BY at, recipient_id",
                    arguments: [prefix.utf8.count, prefix])
                return TeamBroadcastStatus(
                    broadcastID: broadcastID, audience: row["audience"], recipients: row["recipients"], waiting: waiting, closed: closed)
            }
        }
    }

    /// The guild's newest `limit` broadcasts with their delivery, newest first (the event page's list).
    public func recentBroadcasts(guildID: String, limit: Int) async throws -> [TeamBroadcastStatus] {
        let ids = try await withStorageErrors {
            try await database.writer.read { db in
                try Int.fetchAll(
                    db, sql: "SELECT broadcast_id FROM team_broadcasts WHERE guild_id = ? ORDER BY broadcast_id DESC LIMIT ?",
                    arguments: [guildID, max(0, limit)])
            }
        }
        var statuses: [TeamBroadcastStatus] = []
        for id in ids { if let status = try await broadcastStatus(guildID: guildID, broadcastID: id) { statuses.append(status) } }
        return statuses
    }

    /// The members whose team role, as last seen at their own interaction, is `role` or above.
    public func members(guildID: String, atLeast role: TeamRole) async throws -> [String] {
        let levels = TeamRole.allCases.filter { $0 >= role }.map(\.rawValue)
        return try await withStorageErrors {
            try await database.writer.read { db in
                try String.fetchAll(
                    db, sql: "SELECT user_id FROM team_members WHERE guild_id = ? AND level IN (\(levels.map { _ in "?" }.joined(separator: ","))) ORDER BY user_id",
                    arguments: StatementArguments([guildID] + levels))
            }
        }
    }
}
