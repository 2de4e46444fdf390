import Foundation

/// One finished iRacing session to announce in one guild: the session's facts plus a row for
/// every driver the guild tracks who took part (a team event can hold several).
///
/// The poller builds it from the iRacing results; the Discord bot renders it. A post is
/// identified by (guild, subsession): the bot derives its message nonce from `postKey`, so a
/// retry after a crash is deduplicated by Discord itself.
public struct RaceResultPost: Sendable, Hashable, Codable {
    public var guildID: GuildID
    public var subsessionID: Int
    public var seriesName: String
    /// "Race", "Practice", "Qualify", "Time Trial": iRacing's event type name.
    public var eventType: String
    public var trackName: String
    public var trackConfiguration: String?
    /// Set for league sessions.
    public var leagueName: String?
    /// When the session started (UTC); the bot shows it in the guild's time zone.
    public var startTime: Date
    /// Drivers (or teams) in the session, all classes.
    public var fieldSize: Int
    public var strengthOfField: Int?
    public var isTeamEvent: Bool
    public var entries: [RaceResultEntry]

    public init(
        guildID: GuildID, subsessionID: Int, seriesName: String, eventType: String, trackName: String,
        trackConfiguration: String? = nil, leagueName: String? = nil, startTime: Date, fieldSize: Int,
        strengthOfField: Int? = nil, isTeamEvent: Bool = false, entries: [RaceResultEntry]
    ) {
        self.guildID = guildID
        self.subsessionID = subsessionID
        self.seriesName = seriesName
        self.eventType = eventType
        self.trackName = trackName
        self.trackConfiguration = trackConfiguration
        self.leagueName = leagueName
        self.startTime = startTime
        self.fieldSize = fieldSize
        self.strengthOfField = strengthOfField
        self.isTeamEvent = isTeamEvent
        self.entries = entries
    }

    /// Stable identity of the post: the same guild and subsession always give the same key.
    public var postKey: String { "\(guildID.rawValue)-\(subsessionID)" }
}
