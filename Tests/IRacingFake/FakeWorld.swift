import Foundation

/// The iRacing content the fake serves, made from the real responses: each scripted race
/// reuses a real result with its subsession id, times and participants replaced.
struct FakeWorld: Sendable {
    /// One session in the scripted world.
    struct Race: Sendable {
        var subsessionID: Int
        var memberIDs: [Int]
        var start: Date
        var leagueID: Int? = nil
        var teamEvent = false
    }

    /// A member of a scripted league roster.
    struct RosterMember: Sendable {
        var memberID: Int
        var displayName: String
        /// As iRacing sends it: text (leading zeros kept) or null.
        var carNumber: String?
    }

    let fixtures: FakeFixtures
    var races: [Race] = []
    /// Scripted league rosters by league id. With none, `league/roster` serves the real roster
    /// for any league; with some, an unknown league is a 404.
    var leagueRosters: [Int: [RosterMember]] = [:]
    /// Leagues whose roster is private and hidden from the fake's account: `private_roster`
    /// true and no members, as iRacing answers a non-member.
    var hiddenRosters: Set<Int> = []
    /// Scripted members of `member/get` (FakeWorld+Licences.swift); empty: the real one.
    var licensedMembers: [Int: LicensedMember] = [:]

    /// `stats/member_recent_races`: the real list's first race as the template for each of
    /// the member's races, newest first, at most ten (as iRacing).
    func recentRaces(memberID: Int) throws -> Data {
        guard let real = try fixtures.body("iracingdataapi/stats_member_recent_races.json") as? [String: Any],
            let template = (real["races"] as? [[String: Any]])?.first
        else { throw FixtureError("recent races fixture") }
        let mine = races.filter { $0.memberIDs.contains(memberID) && $0.leagueID == nil }.sorted { $0.start > $1.start }
        let rows = mine.prefix(10).map { race -> [String: Any] in
            var row = template
            row["subsession_id"] = race.subsessionID
            row["session_start_time"] = Self.iso(race.start)
            row["finish_position"] = (race.memberIDs.firstIndex(of: memberID) ?? 0) + 1
            return row
        }
        return try ["cust_id": memberID, "races": rows].json()
    }

    /// `results/get`: the real GT4 result, its main-event rows taken by the race's members in
    /// order (so the first member wins), or grouped in two-driver teams for a team event.
    func result(subsessionID: Int) throws -> Data? {
        guard let race = races.first(where: { $0.subsessionID == subsessionID }) else { return nil }
        guard var body = try fixtures.body("iracingdataapi/result.json") as? [String: Any],
            var sessions = body["session_results"] as? [[String: Any]]
        else { throw FixtureError("result fixture") }
        body["subsession_id"] = subsessionID
        body["start_time"] = Self.iso(race.start)
        body["end_time"] = Self.iso(race.start.addingTimeInterval(2_400))
        if let leagueID = race.leagueID {
            body["league_id"] = leagueID
            body["league_name"] = "Fake League \(leagueID)"
        }
        for index in sessions.indices {
            guard var rows = sessions[index]["results"] as? [[String: Any]] else { continue }
            for (position, member) in race.memberIDs.enumerated() where position < rows.count {
                rows[position]["cust_id"] = member
                rows[position]["display_name"] = "Driver \(member)"
            }
            if race.teamEvent, sessions[index]["simsession_number"] as? Int == 0 { rows = Self.teams(from: rows) }
            sessions[index]["results"] = rows
        }
        body["session_results"] = sessions
        return try body.json()
    }

    /// Pairs consecutive driver rows into team rows (negative `team_id`, `driver_results`),
    /// the shape iRacing uses for team events.
    static func teams(from rows: [[String: Any]]) -> [[String: Any]] {
        stride(from: 0, to: rows.count - 1, by: 2).enumerated().map { teamIndex, first in
            var team = rows[first]
            team.removeValue(forKey: "cust_id")
            team["team_id"] = -(206_771 + teamIndex)
            team["display_name"] = "Team \(teamIndex + 1)"
            team["finish_position"] = teamIndex
            team["finish_position_in_class"] = teamIndex
            team["driver_results"] = [rows[first], rows[first + 1]]
            return team
        }
    }

    /// `results/search_hosted` rows for the member's league races that finished after `after`.
    func hostedSessions(memberID: Int, leagueID: Int?, finishedAfter after: Date) -> [[String: Any]] {
        races.filter { race in
            race.memberIDs.contains(memberID) && race.leagueID != nil && (leagueID == nil || race.leagueID == leagueID)
                && race.start.addingTimeInterval(2_400) > after
        }.map { race in
            [
                "subsession_id": race.subsessionID, "start_time": Self.iso(race.start),
                "end_time": Self.iso(race.start.addingTimeInterval(2_400)), "league_id": race.leagueID ?? 0,
                "league_name": "Fake League", "num_drivers": race.memberIDs.count,
            ]
        }
    }

    /// The body behind `league/roster`'s `data_url`: the real roster, or the scripted members in
    /// the shape of the real rows (helmet, flags and dates taken from the first real row); nil
    /// for an unknown league.
    func leagueRoster(leagueID: Int) throws -> [String: Any]? {
        guard var real = try fixtures.body("iracingdataapi/league_roster.json") as? [String: Any] else {
            throw FixtureError("league roster fixture")
        }
        guard !leagueRosters.isEmpty else { return real }
        if hiddenRosters.contains(leagueID) {
            real["private_roster"] = true
            real["roster"] = [Any]()
            return real
        }
        guard let members = leagueRosters[leagueID] else { return nil }
        guard let template = (real["roster"] as? [[String: Any]])?.first else { throw FixtureError("league roster rows") }
        real["roster"] = members.map { member -> [String: Any] in
            var row = template
            row["cust_id"] = member.memberID
            row["display_name"] = member.displayName
            row["car_number"] = member.carNumber ?? NSNull()
            row["owner"] = false
            row["admin"] = false
            return row
        }
        return real
    }

    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
