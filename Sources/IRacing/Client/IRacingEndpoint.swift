import Foundation

/// One `/data/...` call: its path and query. The static constructors are the calls the
/// product makes (parameters from iRacing's `/data/doc`).
public struct IRacingEndpoint: Sendable, Hashable {
    public var path: String
    public var query: [(String, String)]

    public init(path: String, query: [(String, String)] = []) {
        self.path = path
        self.query = query
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.path == rhs.path && lhs.query.elementsEqual(rhs.query, by: { $0 == $1 })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        for (name, value) in query {
            hasher.combine(name)
            hasher.combine(value)
        }
    }

    /// Path and query, for logs and errors (no secrets are ever in a query).
    public var label: String {
        query.isEmpty ? path : path + "?" + query.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    func url(base: String) -> String {
        base.trimmingTrailingSlash + path + (query.isEmpty ? "" : "?" + FormEncoding.encode(query))
    }

    public static func memberRecentRaces(memberID: Int) -> Self {
        Self(path: "/data/stats/member_recent_races", query: [("cust_id", "\(memberID)")])
    }

    public static func subsessionResult(subsessionID: Int) -> Self {
        Self(path: "/data/results/get", query: [("subsession_id", "\(subsessionID)")])
    }

    /// Laps of one driver (`memberID`) or, in a team event, of one team (`teamID`).
    public static func lapData(subsessionID: Int, simsessionNumber: Int, memberID: Int?, teamID: Int? = nil) -> Self {
        var query = [("subsession_id", "\(subsessionID)"), ("simsession_number", "\(simsessionNumber)")]
        if let teamID { query.append(("team_id", "\(teamID)")) }
        if let memberID { query.append(("cust_id", "\(memberID)")) }
        return Self(path: "/data/results/lap_data", query: query)
    }

    public static let memberInfo = Self(path: "/data/member/info")

    public static func members(_ memberIDs: [Int], includeLicenses: Bool = false) -> Self {
        var query = [("cust_ids", memberIDs.map(String.init).joined(separator: ","))]
        if includeLicenses { query.append(("include_licenses", "true")) }
        return Self(path: "/data/member/get", query: query)
    }

    public static func league(leagueID: Int) -> Self {
        Self(path: "/data/league/get", query: [("league_id", "\(leagueID)")])
    }

    public static func leagueRoster(leagueID: Int) -> Self {
        Self(path: "/data/league/roster", query: [("league_id", "\(leagueID)")])
    }

    public static func leagueMembership(memberID: Int? = nil) -> Self {
        Self(path: "/data/league/membership", query: memberID.map { [("cust_id", "\($0)")] } ?? [])
    }

    public static func leagueSeasonSessions(leagueID: Int, seasonID: Int, resultsOnly: Bool = true) -> Self {
        Self(
            path: "/data/league/season_sessions",
            query: [("league_id", "\(leagueID)"), ("season_id", "\(seasonID)"), ("results_only", resultsOnly ? "true" : "false")])
    }

    /// Hosted and league sessions of a member that finished since `finishedAfter` (iRacing
    /// allows at most 90 days back; older dates are moved up to that).
    public static func searchHosted(memberID: Int, leagueID: Int?, finishedAfter: Date, now: Date = Date()) -> Self {
        let earliest = now.addingTimeInterval(-89 * 86_400)
        var query = [("cust_id", "\(memberID)"), ("finish_range_begin", IRacingDate.queryText(max(finishedAfter, earliest)))]
        if let leagueID { query.append(("league_id", "\(leagueID)")) }
        return Self(path: "/data/results/search_hosted", query: query)
    }
}
