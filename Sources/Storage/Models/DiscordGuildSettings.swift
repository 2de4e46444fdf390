import Foundation

/// One Discord guild's bot settings. Ids are Discord snowflakes as decimal text.
public struct DiscordGuildSettings: Sendable, Equatable {
    public var guildID: String
    public var resultsChannelID: String?
    public var cuesChannelID: String?
    /// IANA time zone name; nil means UTC.
    public var timeZone: String?
    /// The guild's language (`/team language`, `/config language`): channel posts and the default for replies.
    public var language: GuildLanguage

    public init(
        guildID: String, resultsChannelID: String? = nil, cuesChannelID: String? = nil, timeZone: String? = nil,
        language: GuildLanguage = .english
    ) {
        self.guildID = guildID
        self.resultsChannelID = resultsChannelID
        self.cuesChannelID = cuesChannelID
        self.timeZone = timeZone
        self.language = language
    }
}

/// A trailbrake driver whose laps and cues a guild mirrors into a channel.
public struct DiscordFollow: Sendable, Equatable, Hashable {
    public var guildID: String
    public var driverName: String
    public var channelID: String

    public init(guildID: String, driverName: String, channelID: String) {
        self.guildID = guildID
        self.driverName = driverName
        self.channelID = channelID
    }
}

/// A direct message waiting to be delivered; it stays queued across restarts until sent.
public struct PendingDirectMessage: Sendable, Equatable {
    public var id: Int64
    public var recipientID: String
    public var content: String
    public var attempts: Int
    /// The DM's unique key when it has one (a plan DM); its parts' nonces come from it, so a
    /// part re-sent after a restart is deduplicated by Discord.
    public var dedupeKey: String? = nil
    /// Parts of the DM already posted (a long DM is split); a restart resumes after them.
    public var sentParts: Int = 0
}
