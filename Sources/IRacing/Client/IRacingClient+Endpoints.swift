import Foundation

/// The typed calls the product makes.
extension IRacingClient {
    public func memberRecentRaces(memberID: Int) async throws(IRacingError) -> MemberRecentRaces {
        try await decoded(.memberRecentRaces(memberID: memberID))
    }

    /// A subsession's results, with the raw JSON (the poller stores it as fetched).
    public func subsessionResult(subsessionID: Int) async throws(IRacingError) -> (result: SubsessionResult, json: Data) {
        let endpoint = IRacingEndpoint.subsessionResult(subsessionID: subsessionID)
        let json = try await document(endpoint)
        return (try Self.decode(SubsessionResult.self, from: json, label: endpoint.path), json)
    }

    /// A driver's (or a team's) laps in one simsession, all chunks merged.
    public func lapData(subsessionID: Int, simsessionNumber: Int, memberID: Int?, teamID: Int? = nil) async throws(IRacingError)
        -> LapData
    {
        let endpoint = IRacingEndpoint.lapData(
            subsessionID: subsessionID, simsessionNumber: simsessionNumber, memberID: memberID, teamID: teamID)
        let (header, laps) = try await chunked(endpoint, header: LapDataHeader.self, row: LapDataRow.self) { $0.chunkInfo }
        return LapData(header: header, laps: laps)
    }

    public func memberInfo() async throws(IRacingError) -> MemberInfo {
        try await decoded(.memberInfo)
    }

    public func members(_ memberIDs: [Int]) async throws(IRacingError) -> [Member] {
        guard !memberIDs.isEmpty else { return [] }
        let list: MemberList = try await decoded(.members(memberIDs))
        return list.members
    }

    /// Members with their licences (iRating, class, safety rating per category); unknown ids
    /// give no entry.
    public func membersWithLicenses(_ memberIDs: [Int]) async throws(IRacingError) -> [Member] {
        guard !memberIDs.isEmpty else { return [] }
        let list: MemberList = try await decoded(.members(memberIDs, includeLicenses: true))
        return list.members
    }

    public func league(leagueID: Int) async throws(IRacingError) -> League {
        try await decoded(.league(leagueID: leagueID))
    }

    public func leagueRoster(leagueID: Int) async throws(IRacingError) -> LeagueRoster {
        try await decoded(.leagueRoster(leagueID: leagueID))
    }

    public func leagueMembership(memberID: Int? = nil) async throws(IRacingError) -> [LeagueMembership] {
        try await decoded(.leagueMembership(memberID: memberID))
    }

    public func leagueSeasonSessions(leagueID: Int, seasonID: Int) async throws(IRacingError) -> LeagueSeasonSessions {
        try await decoded(.leagueSeasonSessions(leagueID: leagueID, seasonID: seasonID))
    }

    /// Hosted and league sessions of a member that finished after `finishedAfter`.
    public func searchHosted(memberID: Int, leagueID: Int?, finishedAfter: Date) async throws(IRacingError) -> [HostedSession] {
        let endpoint = IRacingEndpoint.searchHosted(memberID: memberID, leagueID: leagueID, finishedAfter: finishedAfter)
        return try await chunked(endpoint, header: HostedSearchHeader.self, row: HostedSession.self) { $0.chunks }.1
    }
}

extension IRacingClient {
    /// Decodes a stored `results/get` body (the poller keeps them as fetched).
    public static func decodeResult(_ json: Data) throws(IRacingError) -> SubsessionResult {
        try decode(SubsessionResult.self, from: json, label: "stored result")
    }
}
