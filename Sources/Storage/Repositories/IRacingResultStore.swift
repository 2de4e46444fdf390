import Foundation
import GRDB

/// The results poller's state: tracked drivers, fetched results, lap data, the post outbox.
///
/// Exactly-once posting rests on `record(result:posts:)`: the fetched result and the decision
/// to post it in each guild are committed in one transaction, with (guild, subsession) as the
/// outbox key, so a post is either decided and stored or not at all, and never twice.
public struct IRacingResultStore: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// Starts tracking; an already tracked member keeps its entry (and its `trackedSince`).
    public func track(_ record: IRacingTrackedDriverRecord) async throws -> IRacingTrackedDriverRecord {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO iracing_tracked_drivers (guild_id, member_id, league_id, display_name, tracked_since)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(guild_id, member_id) DO UPDATE SET league_id = excluded.league_id
                        """,
                    arguments: [
                        Int64(bitPattern: record.guildID), record.memberID, record.leagueID, record.displayName,
                        record.trackedSince,
                    ])
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM iracing_tracked_drivers WHERE guild_id = ? AND member_id = ?",
                    arguments: [Int64(bitPattern: record.guildID), record.memberID])
                guard let row else { throw StorageError.databaseFailure("tracked driver vanished") }
                return IRacingTrackedDriverRecord(row: row)
            }
        }
    }

    /// Stops tracking; false when the member was not tracked in that guild.
    public func untrack(guildID: UInt64, memberID: Int) async throws -> Bool {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: "DELETE FROM iracing_tracked_drivers WHERE guild_id = ? AND member_id = ?",
                    arguments: [Int64(bitPattern: guildID), memberID])
                return db.changesCount > 0
            }
        }
    }

    /// The drivers of one guild, or of every guild when `guildID` is nil, by member id.
    public func trackedDrivers(guildID: UInt64? = nil) async throws -> [IRacingTrackedDriverRecord] {
        try await withStorageErrors {
            try await database.writer.read { db in
                let rows: [Row]
                if let guildID {
                    rows = try Row.fetchAll(
                        db, sql: "SELECT * FROM iracing_tracked_drivers WHERE guild_id = ? ORDER BY member_id",
                        arguments: [Int64(bitPattern: guildID)])
                } else {
                    rows = try Row.fetchAll(db, sql: "SELECT * FROM iracing_tracked_drivers ORDER BY guild_id, member_id")
                }
                return rows.map(IRacingTrackedDriverRecord.init(row:))
            }
        }
    }

    /// Remembers the name iRacing gives a member, in every guild tracking them.
    public func setDisplayName(_ name: String, memberID: Int) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: "UPDATE iracing_tracked_drivers SET display_name = ? WHERE member_id = ?", arguments: [name, memberID])
            }
        }
    }

    /// The stored JSON of a subsession, nil when it was never fetched.
    public func storedResult(subsessionID: Int) async throws -> Data? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Data.fetchOne(
                    db, sql: "SELECT result_json FROM iracing_subsessions WHERE subsession_id = ?", arguments: [subsessionID])
            }
        }
    }

    /// The guilds that already have an outbox row (pending or posted) for a subsession.
    public func decidedGuilds(subsessionID: Int) async throws -> Set<UInt64> {
        try await withStorageErrors {
            try await database.writer.read { db in
                let ids = try Int64.fetchAll(
                    db, sql: "SELECT guild_id FROM iracing_outbox WHERE subsession_id = ?", arguments: [subsessionID])
                return Set(ids.map { UInt64(bitPattern: $0) })
            }
        }
    }

    /// Stores a fetched result (when not stored yet) and queues `posts` as pending, in one
    /// transaction. A post whose (guild, subsession) is already queued is skipped; returns how
    /// many posts were newly queued.
    public func record(result: IRacingFetchedResult?, posts: [IRacingOutboxPost]) async throws -> Int {
        try await withStorageErrors {
            try await database.writer.write { db in
                let now = Date()
                if let result {
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO iracing_subsessions
                            (subsession_id, start_time, end_time, league_id, result_json, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [result.subsessionID, result.startTime, result.endTime, result.leagueID, result.json, now])
                    for member in Set(result.memberIDs) {
                        try db.execute(
                            sql: "INSERT OR IGNORE INTO iracing_subsession_members (subsession_id, member_id) VALUES (?, ?)",
                            arguments: [result.subsessionID, member])
                    }
                }
                var queued = 0
                for post in posts {
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO iracing_outbox (guild_id, subsession_id, payload_json, state, created_at)
                            VALUES (?, ?, ?, 'pending', ?)
                            """,
                        arguments: [Int64(bitPattern: post.guildID), post.subsessionID, post.payload, now])
                    queued += db.changesCount
                }
                return queued
            }
        }
    }

    /// Every post not yet published, oldest first (a restart re-publishes these).
    public func pendingPosts() async throws -> [IRacingOutboxPost] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM iracing_outbox WHERE state = 'pending' ORDER BY created_at, subsession_id, guild_id"
                ).map(IRacingOutboxPost.init(row:))
            }
        }
    }

    /// Records, before a post is handed to the publisher, that it may be out from now on; the
    /// first attempt's time is kept.
    public func markAttempted(guildID: UInt64, subsessionID: Int, at time: Date = Date()) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        UPDATE iracing_outbox SET first_attempt_at = COALESCE(first_attempt_at, ?)
                        WHERE guild_id = ? AND subsession_id = ?
                        """,
                    arguments: [time, Int64(bitPattern: guildID), subsessionID])
            }
        }
    }

    public func markPosted(guildID: UInt64, subsessionID: Int) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: "UPDATE iracing_outbox SET state = 'posted', posted_at = ? WHERE guild_id = ? AND subsession_id = ?",
                    arguments: [Date(), Int64(bitPattern: guildID), subsessionID])
            }
        }
    }

    public func recordFailedAttempt(guildID: UInt64, subsessionID: Int) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: "UPDATE iracing_outbox SET attempts = attempts + 1 WHERE guild_id = ? AND subsession_id = ?",
                    arguments: [Int64(bitPattern: guildID), subsessionID])
            }
        }
    }

    public func outboxCounts() async throws -> IRacingOutboxCounts {
        try await withStorageErrors {
            try await database.writer.read { db in
                IRacingOutboxCounts(
                    pending: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM iracing_outbox WHERE state = 'pending'") ?? 0,
                    posted: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM iracing_outbox WHERE state = 'posted'") ?? 0)
            }
        }
    }

    /// The newest stored result a member took part in (by start time), as JSON.
    public func latestResult(memberID: Int) async throws -> Data? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Data.fetchOne(
                    db,
                    sql: """
                        SELECT s.result_json FROM iracing_subsessions s
                        JOIN iracing_subsession_members m ON m.subsession_id = s.subsession_id
                        WHERE m.member_id = ? ORDER BY s.start_time DESC, s.subsession_id DESC LIMIT 1
                        """,
                    arguments: [memberID])
            }
        }
    }

    /// Keeps a member's laps of a stored subsession (JSON rows as iRacing sent them).
    public func storeLapData(subsessionID: Int, memberID: Int, simsessionNumber: Int, json: Data) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO iracing_lap_data (subsession_id, member_id, simsession_number, laps_json, fetched_at)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [subsessionID, memberID, simsessionNumber, json, Date()])
            }
        }
    }

    public func lapData(subsessionID: Int, memberID: Int, simsessionNumber: Int) async throws -> Data? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Data.fetchOne(
                    db,
                    sql: "SELECT laps_json FROM iracing_lap_data WHERE subsession_id = ? AND member_id = ? AND simsession_number = ?",
                    arguments: [subsessionID, memberID, simsessionNumber])
            }
        }
    }

    /// The newest end time seen for a search scope ("league:7058:member:1"), nil at first.
    public func lastEndTime(scope: String) async throws -> Date? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Date.fetchOne(db, sql: "SELECT last_end_time FROM iracing_poll_state WHERE scope = ?", arguments: [scope])
            }
        }
    }

    /// Moves a scope's end time forward (never back).
    public func advanceEndTime(scope: String, to date: Date) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO iracing_poll_state (scope, last_end_time) VALUES (?, ?)
                        ON CONFLICT(scope) DO UPDATE SET last_end_time = MAX(last_end_time, excluded.last_end_time)
                        """,
                    arguments: [scope, date])
            }
        }
    }
}
