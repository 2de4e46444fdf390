import IRacing
import Integration

/// The league roster through the same `IRacingClient` (and so the same rate-limit budget and
/// token) as the results poller.
extension IRacingClient: LeagueRosterSource {
    /// - Throws: `LeagueRosterUnavailable` with the client's error code, or `roster_private` when
    ///   iRacing hides a private roster from the server's account (an empty list then means "not
    ///   shown", not "nobody": read as a roster it would make every claim missing).
    public func rosterEntries(leagueID: Int) async throws -> [LeagueRosterEntry] {
        let roster: LeagueRoster
        do { roster = try await leagueRoster(leagueID: leagueID) } catch { throw LeagueRosterUnavailable(code: error.code) }
        if roster.privateRoster == true, roster.roster.isEmpty { throw LeagueRosterUnavailable(code: "roster_private") }
        return roster.roster.map { member in
            LeagueRosterEntry(memberID: member.custId, displayName: member.displayName ?? "iRacing \(member.custId)", carNumber: member.carNumber)
        }
    }
}
