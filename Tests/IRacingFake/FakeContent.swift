import Foundation
import Hummingbird

/// The first-hop answers of `/data/...`: the body is stored as a pre-signed file and a
/// `{"link", "expires"}` envelope (or the `data_url` form for rosters) points at it.
struct FakeContent: Sendable {
    let state: FakeIRacingState
    let base: String

    /// Nil for an unknown endpoint or subsession (answered 404).
    func envelope(path: String, query: [String: String]) async throws -> [String: Any]? {
        let world = await state.world
        let fixtures = world.fixtures
        func int(_ name: String) -> Int? { query[name].flatMap { Int($0) } }
        switch path {
        case "/data/stats/member_recent_races":
            return try await link(try world.recentRaces(memberID: int("cust_id") ?? 0))
        case "/data/results/get":
            guard let result = try world.result(subsessionID: int("subsession_id") ?? 0) else { return nil }
            return try await link(result)
        case "/data/results/lap_data":
            return try await link(try lapDataHeader(memberID: int("cust_id"), chunks: 3))
        case "/data/results/search_hosted":
            let after = query["finish_range_begin"].flatMap { try? Date(String($0.dropLast()) + ":00Z", strategy: .iso8601) }
            let rows = world.hostedSessions(
                memberID: int("cust_id") ?? 0, leagueID: int("league_id"), finishedAfter: after ?? .distantPast)
            return try await link(try ["type": "search_hosted", "data": ["success": true, "chunk_info": try await chunks(rows, count: 1)]].json())
        case "/data/league/roster":
            guard var first = try fixtures.body("iracing-data-client/league.roster.json") as? [String: Any],
                let roster = try world.leagueRoster(leagueID: int("league_id") ?? 0)
            else { return nil }
            let key = await state.storeFile(try JSONSerialization.data(withJSONObject: roster))
            first["data_url"] = "\(base)/s3/\(key)"
            if var data = first["data"] as? [String: Any] {
                data["league_id"] = int("league_id") ?? 0
                data["roster_count"] = (roster["roster"] as? [Any])?.count ?? 0
                first["data"] = data
            }
            return first
        case "/data/league/get":
            return try await link(try JSONSerialization.data(withJSONObject: try fixtures.body("iracingdataapi/league_get.json")))
        case "/data/league/membership":
            return try await link(
                try JSONSerialization.data(withJSONObject: try fixtures.envelopeContent("aydsko/GetLeagueMembershipAsync/2.json")))
        case "/data/member/info":
            return try await link(try JSONSerialization.data(withJSONObject: try fixtures.body("iracingdataapi/member_info.json")))
        case "/data/member/get" where query["include_licenses"] == "true" || !world.licensedMembers.isEmpty:
            let ids = (query["cust_ids"] ?? "").split(separator: ",").compactMap { Int($0) }
            return try await link(
                try JSONSerialization.data(withJSONObject: try world.members(ids: ids, includeLicences: query["include_licenses"] == "true")))
        case "/data/member/get":
            return try await link(try JSONSerialization.data(withJSONObject: try fixtures.body("iracingdataapi/member.json")))
        default:
            return nil
        }
    }

    /// The real lap-data header with its rows split over `chunks` chunk files.
    private func lapDataHeader(memberID: Int?, chunks count: Int) async throws -> Data {
        let fixtures = await state.world.fixtures
        guard var header = try fixtures.envelopeContent("aydsko/GetSingleDriverSubsessionLapsSuccessfulAsync/2.json") as? [String: Any],
            let laps = try fixtures.envelopeContent("aydsko/GetSingleDriverSubsessionLapsSuccessfulAsync/3.json") as? [[String: Any]]
        else { throw FixtureError("lap data fixtures") }
        header["chunk_info"] = try await chunks(laps, count: count)
        if let memberID { header["cust_id"] = memberID }
        return try header.json()
    }

    /// Stores `rows` as `count` chunk files; returns the `chunk_info` object pointing at them.
    private func chunks(_ rows: [[String: Any]], count: Int) async throws -> Any {
        guard !rows.isEmpty else { return NSNull() }
        let size = max(1, (rows.count + count - 1) / count)
        var names: [String] = []
        for start in stride(from: 0, to: rows.count, by: size) {
            let slice = Array(rows[start..<min(start + size, rows.count)])
            names.append(await state.storeFile(try JSONSerialization.data(withJSONObject: slice)))
        }
        return [
            "chunk_size": size, "num_chunks": names.count, "rows": rows.count, "base_download_url": "\(base)/chunks/",
            "chunk_file_names": names,
        ] as [String: Any]
    }

    private func link(_ body: Data) async throws -> [String: Any] {
        let key = await state.storeFile(body)
        let expires = Date().addingTimeInterval(120).formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        return ["link": "\(base)/s3/\(key)?X-Amz-Expires=120&X-Amz-Signature=fake", "expires": expires]
    }
}
