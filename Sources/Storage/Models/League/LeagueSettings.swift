import Foundation

/// One guild's league-numbers settings (`/setup`, `/config`) and its last sync.
public struct LeagueSettings: Sendable, Equatable {
    public var guildID: String
    /// The iRacing league whose roster numbers are checked against; nil: claims only.
    public var leagueID: Int?
    /// The numbers' values members may claim, inclusive (0...999).
    public var range: ClosedRange<Int>
    /// Holders of this role may use the admin commands (besides Manage Server).
    public var adminRoleID: String?
    /// Where claims, releases and sync differences are announced; nil: nowhere.
    public var announceChannelID: String?
    public var maxPerMember: Int
    /// Whether "07" may be claimed as a number of its own; off, only "7" can be.
    public var leadingZeros: Bool
    /// Minutes between scheduled syncs; nil: the server's default; 0: none.
    public var syncIntervalMinutes: Int?
    public var language: GuildLanguage
    public var lastSyncAt: Date?
    /// The stable error code of the last sync when it failed.
    public var lastSyncError: String?
    public var lastSyncRosterCount: Int?

    public init(
        guildID: String, leagueID: Int? = nil, range: ClosedRange<Int>, adminRoleID: String? = nil, announceChannelID: String? = nil,
        maxPerMember: Int = 1, leadingZeros: Bool = false, syncIntervalMinutes: Int? = nil, language: GuildLanguage = .english,
        lastSyncAt: Date? = nil, lastSyncError: String? = nil, lastSyncRosterCount: Int? = nil
    ) {
        self.guildID = guildID
        self.leagueID = leagueID
        self.range = range
        self.adminRoleID = adminRoleID
        self.announceChannelID = announceChannelID
        self.maxPerMember = maxPerMember
        self.leadingZeros = leadingZeros
        self.syncIntervalMinutes = syncIntervalMinutes
        self.language = language
        self.lastSyncAt = lastSyncAt
        self.lastSyncError = lastSyncError
        self.lastSyncRosterCount = lastSyncRosterCount
    }
}

/// One setting changed by `/setup` or `/config`; each is written to the audit log with its
/// value before and after.
public enum LeagueSettingChange: Sendable, Equatable {
    case league(Int?)
    case range(ClosedRange<Int>)
    case adminRole(String?)
    case announceChannel(String?)
    case maxPerMember(Int)
    case leadingZeros(Bool)
    case syncInterval(minutes: Int?)
    case language(GuildLanguage)

    /// The audit log's `field`, also the setting's name in replies.
    public var field: String {
        switch self {
        case .league: "league_id"
        case .range: "range"
        case .adminRole: "admin_role"
        case .announceChannel: "channel"
        case .maxPerMember: "max_per_member"
        case .leadingZeros: "leading_zeros"
        case .syncInterval: "sync_interval_minutes"
        case .language: "language"
        }
    }
}
