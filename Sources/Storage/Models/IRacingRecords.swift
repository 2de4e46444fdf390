import Foundation
import GRDB

/// A member a Discord guild follows (the guild is Discord's snowflake id).
public struct IRacingTrackedDriverRecord: Sendable, Hashable {
    public var guildID: UInt64
    public var memberID: Int
    public var leagueID: Int?
    public var displayName: String?
    public var trackedSince: Date

    public init(guildID: UInt64, memberID: Int, leagueID: Int?, displayName: String?, trackedSince: Date) {
        self.guildID = guildID
        self.memberID = memberID
        self.leagueID = leagueID
        self.displayName = displayName
        self.trackedSince = trackedSince
    }

    init(row: Row) {
        self.init(
            guildID: UInt64(bitPattern: row["guild_id"]), memberID: row["member_id"], leagueID: row["league_id"],
            displayName: row["display_name"], trackedSince: row["tracked_since"])
    }
}

/// A subsession result as fetched from iRacing, with the members found in it.
public struct IRacingFetchedResult: Sendable {
    public var subsessionID: Int
    public var startTime: Date?
    public var endTime: Date?
    public var leagueID: Int?
    public var json: Data
    public var memberIDs: [Int]

    public init(subsessionID: Int, startTime: Date?, endTime: Date?, leagueID: Int?, json: Data, memberIDs: [Int]) {
        self.subsessionID = subsessionID
        self.startTime = startTime
        self.endTime = endTime
        self.leagueID = leagueID
        self.json = json
        self.memberIDs = memberIDs
    }
}

/// One post in the outbox: the rendered post (JSON) for one guild and subsession.
public struct IRacingOutboxPost: Sendable, Hashable {
    public var guildID: UInt64
    public var subsessionID: Int
    public var payload: Data
    /// Publish attempts that failed so far.
    public var attempts: Int
    /// When the post was first handed to the publisher; set, the post may already be out
    /// (its answer was lost, or the process died before marking it posted).
    public var firstAttemptAt: Date?

    public init(guildID: UInt64, subsessionID: Int, payload: Data, attempts: Int = 0, firstAttemptAt: Date? = nil) {
        self.guildID = guildID
        self.subsessionID = subsessionID
        self.payload = payload
        self.attempts = attempts
        self.firstAttemptAt = firstAttemptAt
    }

    init(row: Row) {
        self.init(
            guildID: UInt64(bitPattern: row["guild_id"]), subsessionID: row["subsession_id"], payload: row["payload_json"],
            attempts: row["attempts"], firstAttemptAt: row["first_attempt_at"])
    }
}

/// How many outbox rows wait and how many are done.
public struct IRacingOutboxCounts: Sendable, Equatable {
    public var pending: Int
    public var posted: Int
}
