import Foundation

/// `stats/member_recent_races`: a member's last (up to ten) official races.
public struct MemberRecentRaces: Decodable, Sendable {
    public var custId: Int?
    public var races: [RecentRace]
}

/// One race in the recent list. `finishPosition` is 1-based here (0-based in results/get).
public struct RecentRace: Decodable, Sendable, Hashable {
    public var subsessionId: Int
    public var seasonId: Int?
    public var seriesId: Int?
    public var seriesName: String?
    public var carId: Int?
    public var carClassId: Int?
    public var sessionStartTime: Date?
    public var startPosition: Int?
    public var finishPosition: Int?
    public var qualifyingTime: IRacingDuration?
    public var laps: Int?
    public var lapsLed: Int?
    public var incidents: Int?
    public var points: Int?
    public var strengthOfField: Int?
    public var oldiRating: Int?
    public var newiRating: Int?
    public var oldSubLevel: Int?
    public var newSubLevel: Int?
    /// Negative for a team.
    public var winnerGroupId: Int?
    public var winnerName: String?
    public var track: TrackReference?
}
