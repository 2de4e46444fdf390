import Foundation
import GRDB

/// What the web `/team` page reads and writes. A team is a Discord guild; a signed-in driver is
/// its member when one of the Discord accounts they signed in with (`discord_sign_in_users`) was
/// last seen there as a member, admin or owner (`team_members`, kept by the bot at every
/// interaction: the same stored mapping the Discord team tools check). Such a member sees, and
/// may send a message to, every driver who shared their coaching with that guild
/// (`discord_driver_links`, the driver's `/coach link` opt-in).
public struct TeamWebRepository: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    static let memberGuilds = """
        SELECT DISTINCT team_members.guild_id FROM discord_sign_in_users
        JOIN team_members ON team_members.user_id = discord_sign_in_users.discord_user_id
        WHERE discord_sign_in_users.driver_id = ? AND team_members.level IN ('owner', 'admin', 'member')
        """

    /// The drivers, other than the viewer, shared with a team the viewer is a member of; at most
    /// `limit`, by name. A driver shared with two of the viewer's teams is listed once (the
    /// lowest guild id).
    public func sharedDrivers(viewerID: Int64, limit: Int) async throws -> [SharedDriver] {
        try await shared(viewerID: viewerID, only: nil, limit: limit)
    }

    /// The team through which the viewer may see `driverID`, or nil (then the driver is, for
    /// the viewer, a page that does not exist).
    public func sharedDriver(_ driverID: Int64, viewerID: Int64) async throws -> SharedDriver? {
        try await shared(viewerID: viewerID, only: driverID, limit: 1).first
    }

    /// `sharedDrivers`, narrowed to one driver when `only` is given.
    private func shared(viewerID: Int64, only driverID: Int64?, limit: Int) async throws -> [SharedDriver] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT min(links.guild_id) AS guild_id, drivers.id AS driver_id, drivers.name AS name
                        FROM discord_driver_links AS links JOIN drivers ON drivers.id = links.driver_id
                        WHERE links.guild_id IN (\(Self.memberGuilds)) AND links.driver_id != ? AND (? IS NULL OR links.driver_id = ?)
                        GROUP BY drivers.id ORDER BY drivers.name LIMIT ?
                        """,
                    arguments: [viewerID, viewerID, driverID, driverID, max(0, limit)]
                ).map { SharedDriver(guildID: $0["guild_id"], driverID: $0["driver_id"], name: $0["name"]) }
            }
        }
    }

    /// Stores a message as `waiting`; returns its id.
    public func addMessage(guildID: String, driverID: Int64, senderID: Int64, text: String, at now: Date = Date()) async throws -> Int64 {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO team_messages (guild_id, driver_id, sender_driver_id, text, created_at, outcome)
                        VALUES (?, ?, ?, ?, ?, 'waiting')
                        """,
                    arguments: [guildID, driverID, senderID, text, now])
                return db.lastInsertedRowID
            }
        }
    }

    /// The driver heard it: when, and where (session, lap, lap distance).
    public func messageSaid(id: Int64, sessionID: String, lapNumber: Int, lapDistance: Double, at now: Date = Date()) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        UPDATE team_messages SET outcome = 'said', said_at = ?, session_id = ?, lap_number = ?, lap_distance = ?
                        WHERE id = ? AND outcome = 'waiting'
                        """,
                    arguments: [now, sessionID, lapNumber, lapDistance, id])
            }
        }
    }

    /// The session ended before a place to say these came (or the message could not be queued).
    public func messagesNotSaid(ids: [Int64]) async throws {
        guard !ids.isEmpty else { return }
        try await withStorageErrors {
            try await database.writer.write { db in
                for id in ids {
                    try db.execute(sql: "UPDATE team_messages SET outcome = 'not_said' WHERE id = ? AND outcome = 'waiting'", arguments: [id])
                }
            }
        }
    }

    /// The newest `limit` messages to any of `driverIDs`, newest first, with the sender's name.
    public func recentMessages(driverIDs: [Int64], limit: Int) async throws -> [TeamMessageRecord] {
        guard !driverIDs.isEmpty else { return [] }
        return try await withStorageErrors {
            try await database.writer.read { db in
                let marks = databaseQuestionMarks(count: driverIDs.count)
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT team_messages.*, drivers.name AS sender_name FROM team_messages
                        JOIN drivers ON drivers.id = team_messages.sender_driver_id
                        WHERE team_messages.driver_id IN (\(marks)) ORDER BY team_messages.id DESC LIMIT ?
                        """,
                    arguments: StatementArguments(driverIDs + [Int64(max(0, limit))])
                ).map { row in
                    TeamMessageRecord(
                        id: row["id"], driverID: row["driver_id"], senderName: row["sender_name"], text: row["text"],
                        createdAt: row["created_at"], outcome: TeamMessageRecord.Outcome(rawValue: row["outcome"]) ?? .waiting,
                        saidAt: row["said_at"], lapNumber: row["lap_number"], lapDistance: row["lap_distance"])
                }
            }
        }
    }

    /// A driver's newest `limit` stored laps, newest first.
    public func recentLaps(driverID: Int64, limit: Int) async throws -> [SharedLap] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT id, lap_number, lap_time, valid FROM laps WHERE driver_id = ? ORDER BY id DESC LIMIT ?",
                    arguments: [driverID, max(0, limit)]
                ).map { SharedLap(lapID: $0["id"], lapNumber: $0["lap_number"], lapTime: $0["lap_time"], isValid: $0["valid"]) }
            }
        }
    }
}
