import Foundation
import IRacing
@testable import IRacingFake
import Testing

extension FakeIRacingSuites {
    /// The two-step fetch, `data_url`, chunks and the typed models, on the real responses.
    @Suite struct ClientFetchTests {
        @Test func recentRacesAndResultsDecodeThroughTheLink() async throws {
            let start = Date(timeIntervalSince1970: 1_790_000_000)
            let races = [FakeWorld.Race(subsessionID: 70_000_001, memberIDs: [FakeMembers.alice, FakeMembers.bob], start: start)]
            try await withFakeIRacing(races: races) { server in
                let client = try TestClient(server).client
                let recent = try await client.memberRecentRaces(memberID: FakeMembers.bob)
                #expect(recent.races.map(\.subsessionId) == [70_000_001])
                #expect(recent.races.first?.sessionStartTime == start)
                let (result, _) = try await client.subsessionResult(subsessionID: 70_000_001)
                let main = try #require(result.mainEvent)
                #expect(main.simsessionNumber == 0)
                #expect(main.results.first?.custId == FakeMembers.alice)
                #expect(result.track?.trackName == "Nürburgring Grand-Prix-Strecke")
                // The real best lap, 1317601 tenths of milliseconds.
                #expect(result.eventBestLapTime?.seconds == 131.7601)
                #expect(await server.state.linkFetchesWithAuthorization == 0, "links must be fetched without the bearer token")
            }
        }

        @Test func chunkedLapDataIsMergedInOrder() async throws {
            try await withFakeIRacing { server in
                let client = try TestClient(server).client
                let laps = try await client.lapData(subsessionID: 43_625_377, simsessionNumber: 0, memberID: 341_554)
                // The real file has 16 laps (0...15); the fake serves them in 3 chunk files.
                #expect(laps.laps.map(\.lapNumber) == Array(0...15))
                #expect(laps.laps.first?.lapTime?.seconds == nil)
                #expect(laps.header.bestLapTime?.seconds == 105.5325)
                #expect(laps.laps.first { $0.lapNumber == laps.header.bestLapNum }?.lapTime?.seconds == 105.5325)
            }
        }

        @Test func theRosterIsReadThroughDataURL() async throws {
            try await withFakeIRacing { server in
                let roster = try await TestClient(server).client.leagueRoster(leagueID: 7058)
                #expect(!roster.roster.isEmpty)
                #expect(roster.roster.allSatisfy { $0.custId > 0 })
            }
        }

        @Test func leagueMembersAndMembershipDecode() async throws {
            try await withFakeIRacing { server in
                let client = try TestClient(server).client
                let league = try await client.league(leagueID: 1)
                #expect(league.leagueId > 0 && !league.leagueName.isEmpty)
                #expect(try await client.members([1]).isEmpty == false)
                #expect(try await client.leagueMembership().first?.leagueId == 8835)
            }
        }

        @Test func anExpiredLinkIsAskedForAgain() async throws {
            try await withFakeIRacing(configure: { $0.expireFileFetches = [1] }) { server in
                let client = try TestClient(server).client
                _ = try await client.memberInfo()
                let requests = await server.state.dataRequests
                #expect(requests.filter { $0.hasPrefix("/data/member/info") }.count == 2)
            }
        }

        @Test func anExpiredChunkRestartsTheFetch() async throws {
            // File fetch 1 is the header behind the link, 2 the first chunk: it has expired.
            try await withFakeIRacing(configure: { $0.expireFileFetches = [2] }) { server in
                let client = try TestClient(server).client
                let laps = try await client.lapData(subsessionID: 1, simsessionNumber: 0, memberID: 341_554)
                #expect(laps.laps.map(\.lapNumber) == Array(0...15))
                #expect(await server.state.dataRequests.filter { $0.hasPrefix("/data/results/lap_data") }.count == 2)
            }
        }
    }
}
