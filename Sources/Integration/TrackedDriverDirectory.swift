import Foundation

/// An iRacing member a guild follows: their new results are posted in that guild.
public struct TrackedDriver: Sendable, Hashable, Codable {
    public var guildID: GuildID
    public var memberID: Int
    /// The name iRacing reports, once known.
    public var displayName: String?
    /// Set when the member is tracked for one league's sessions only.
    public var leagueID: Int?
    public var trackedSince: Date

    public init(guildID: GuildID, memberID: Int, displayName: String? = nil, leagueID: Int? = nil, trackedSince: Date) {
        self.guildID = guildID
        self.memberID = memberID
        self.displayName = displayName
        self.leagueID = leagueID
        self.trackedSince = trackedSince
    }
}

/// The tracked-driver list, shared by the bot's `/track`, `/untrack`, `/list` commands (which
/// edit it) and the results poller (which reads it each cycle). Stored in SQLite by the iRacing
/// side.
public protocol TrackedDriverDirectory: Sendable {
    /// Starts tracking; tracking an already tracked member is not an error and returns the entry.
    func track(memberID: Int, in guild: GuildID, leagueID: Int?) async throws -> TrackedDriver
    /// Stops tracking; returns false when the member was not tracked in that guild.
    func untrack(memberID: Int, in guild: GuildID) async throws -> Bool
    func trackedDrivers(in guild: GuildID) async throws -> [TrackedDriver]
}

/// Stored results, for the bot's `/lastrace`.
public protocol RaceResultArchive: Sendable {
    /// The newest stored result of a member, as it would be posted in `guild`; nil when none.
    func latestResult(memberID: Int, in guild: GuildID) async throws -> RaceResultPost?
}
