import IRacing
import Integration

/// The league roster through the same `IRacingClient` (and so the same rate-limit budget and
/// token) as the results poller.
extension IRacingClient: LeagueRosterSource {
    public func rosterEntries(leagueID: Int) async throws -> [LeagueRosterEntry] {
        do {
            return try await leagueRoster(leagueID: leagueID).roster.map { member in
                LeagueRosterEntry(
                    memberID: member.custId, displayName: member.displayName ?? "iRacing \(member.custId)", carNumber: member.carNumber)
            }
        } catch {
            throw LeagueRosterUnavailable(code: error.code)
        }
    }
}
