import Foundation
import IRacing
@testable import IRacingFake
import ResultsPoller
import Testing

extension FakeIRacingSuites {
    /// The fake counts `/data` requests per window and records a violation when the client sends
    /// more than the limit; any violation fails these tests.
    @Suite struct RateLimitTests {
        @Test func twoHundredTrackedDriversPollWithinTheRateLimit() async throws {
            let harness = try PollerHarness()
            let members = (0..<200).map { 910_000 + $0 }
            for member in members { _ = try await harness.directory.track(memberID: member, in: PollerHarness.guildOne, leagueID: nil) }
            let start = Date().addingTimeInterval(-900)
            let races = stride(from: 0, to: 200, by: 50).map { index in
                FakeWorld.Race(subsessionID: 81_000_000 + index, memberIDs: [members[index], members[index + 1]], start: start)
            }
            // 80 calls per 1 s window: about 220 calls need three windows or more.
            try await withFakeIRacing(races: races, configure: { $0.limit = 80; $0.windowSeconds = 1 }) { server in
                let publisher = RecordingPublisher()
                let (poller, _) = try harness.poller(server, publisher: publisher)
                let began = Date()
                let report = await poller.runCycle()
                let elapsed = Date().timeIntervalSince(began)
                #expect(await server.state.violations == [])
                #expect(report.errors.isEmpty)
                #expect(report.membersChecked == 200)
                #expect(publisher.published.count == races.count)
                let calls = await server.state.dataRequests.count
                #expect(calls >= 200 + races.count)
                // Paced, not refused: at least (calls / limit - 1) full windows went by.
                #expect(elapsed >= Double(calls / 80 - 1))
                #expect(await server.state.peakDataInFlight <= 4)
            }
        }
    }
}
