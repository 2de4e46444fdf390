/// An iRacing league's roster, for the Discord bot's league-numbers sync. The iRacing client is
/// the real one (adapted in ResultsPoller, the target where iRacing meets these types), so the
/// bot never depends on the API client.
public protocol LeagueRosterSource: Sendable {
    /// Every member of the league with their car number.
    /// - Throws: `LeagueRosterUnavailable` with a stable code when iRacing cannot answer.
    func rosterEntries(leagueID: Int) async throws -> [LeagueRosterEntry]
}

/// One league member as iRacing lists them.
public struct LeagueRosterEntry: Sendable, Hashable {
    public var memberID: Int
    public var displayName: String
    /// As iRacing writes it: text, leading zeros kept; nil when the member has none.
    public var carNumber: String?

    public init(memberID: Int, displayName: String, carNumber: String?) {
        self.memberID = memberID
        self.displayName = displayName
        self.carNumber = carNumber
    }
}

/// The roster could not be fetched; `code` is the iRacing client's stable error code
/// (`rate_limited`, `not_found`, `circuit_open`...).
public struct LeagueRosterUnavailable: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String

    public init(code: String) { self.code = code }

    public var description: String { "league roster unavailable: \(code)" }
}
