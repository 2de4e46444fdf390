import Foundation

/// A driver signed up for an event. `licencesJSON` is the planner's licence map as checked at
/// sign-up, kept as given (the bot encodes and decodes it).
public struct TeamRegistration: Sendable, Hashable {
    public var guildID: String
    public var eventID: Int
    public var userID: String
    public var memberID: Int
    public var displayName: String
    /// IANA zone name ("Europe/Istanbul").
    public var timeZone: String
    /// "en" or "tr"; nil: the guild's language.
    public var language: String?
    public var licencesJSON: String
    public var registeredAt: Date

    public init(
        guildID: String, eventID: Int, userID: String, memberID: Int, displayName: String, timeZone: String, language: String?,
        licencesJSON: String, registeredAt: Date = Date()
    ) {
        self.guildID = guildID
        self.eventID = eventID
        self.userID = userID
        self.memberID = memberID
        self.displayName = displayName
        self.timeZone = timeZone
        self.language = language
        self.licencesJSON = licencesJSON
        self.registeredAt = registeredAt
    }
}
