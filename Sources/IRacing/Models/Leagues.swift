import Foundation

/// `league/get`.
public struct League: Decodable, Sendable {
    public var leagueId: Int
    public var leagueName: String
    public var ownerId: Int?
    public var about: String?
    public var url: String?
    public var rosterCount: Int?
    public var recruiting: Bool?
    public var isMember: Bool?
    public var isAdmin: Bool?
    /// Inline roster, when iRacing includes it.
    public var roster: [LeagueRosterMember]?
}

/// The body behind `league/roster`'s `data_url`.
public struct LeagueRoster: Decodable, Sendable {
    public var privateRoster: Bool?
    public var roster: [LeagueRosterMember]
}

public struct LeagueRosterMember: Decodable, Sendable, Hashable {
    public var custId: Int
    public var displayName: String?
    public var owner: Bool?
    public var admin: Bool?
    public var carNumber: String?
    public var nickName: String?
}

/// One row of `league/membership`: a league the member belongs to.
public struct LeagueMembership: Decodable, Sendable, Hashable {
    public var leagueId: Int
    public var leagueName: String?
    public var owner: Bool?
    public var admin: Bool?
}

/// `league/season_sessions`.
public struct LeagueSeasonSessions: Decodable, Sendable {
    public var success: Bool?
    public var leagueId: Int?
    public var leagueSeasonId: Int?
    public var sessions: [LeagueSession]
}

public struct LeagueSession: Decodable, Sendable, Hashable {
    public var subsessionId: Int?
    public var sessionId: Int?
    public var launchAt: Date?
    public var hasResults: Bool?
    public var track: TrackReference?
}
