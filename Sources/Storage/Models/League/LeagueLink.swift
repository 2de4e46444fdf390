import Foundation

/// A Discord user's iRacing member id in one guild (`/link`).
public struct LeagueLink: Sendable, Equatable {
    public var guildID: String
    public var userID: String
    public var memberID: Int
    /// The member's name in the league roster, when they were found there.
    public var iracingName: String?
    /// Whether the member was in the league roster when last checked.
    public var verified: Bool
    public var linkedAt: Date

    public init(guildID: String, userID: String, memberID: Int, iracingName: String? = nil, verified: Bool, linkedAt: Date) {
        self.guildID = guildID
        self.userID = userID
        self.memberID = memberID
        self.iracingName = iracingName
        self.verified = verified
        self.linkedAt = linkedAt
    }
}

/// The outcome of `/link`.
public enum LeagueLinkOutcome: Sendable, Equatable {
    /// Linked; the member id linked before, if any.
    case linked(previous: Int?)
    /// Another Discord user of the guild has linked this member id.
    case linkedToSomeoneElse(userID: String)
}

/// One member of an iRacing league roster as last fetched.
public struct LeagueRosterRow: Sendable, Equatable {
    public var memberID: Int
    public var displayName: String
    /// As iRacing writes it (text, leading zeros kept); nil when the member has none.
    public var carNumber: String?

    public init(memberID: Int, displayName: String, carNumber: String?) {
        self.memberID = memberID
        self.displayName = displayName
        self.carNumber = carNumber
    }
}
