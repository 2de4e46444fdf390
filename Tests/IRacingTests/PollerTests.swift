import Foundation
import IRacing
@testable import IRacingFake
import Integration
import MetricsTestKit
import ResultsPoller
import Storage
import Testing

extension FakeIRacingSuites {
    /// The poller against the fake: each new result posted exactly once per guild.
    @Suite struct PollerTests {
        typealias Race = FakeWorld.Race
        let alice = FakeMembers.alice, bob = FakeMembers.bob, carol = FakeMembers.carol
        let one = PollerHarness.guildOne, two = PollerHarness.guildTwo

        /// S1 (alice, bob), S2 (carol), S3 (alice) after tracking began; S0 long before it.
        func races(now: Date = Date()) -> [Race] {
            [
                Race(subsessionID: 80_000_000, memberIDs: [alice], start: now.addingTimeInterval(-3 * 86_400)),
                Race(subsessionID: 80_000_001, memberIDs: [alice, bob], start: now.addingTimeInterval(-3_600)),
                Race(subsessionID: 80_000_002, memberIDs: [carol], start: now.addingTimeInterval(-1_800)),
                Race(subsessionID: 80_000_003, memberIDs: [alice], start: now.addingTimeInterval(-600)),
            ]
        }

        var expectedKeys: Set<String> {
            ["\(one.rawValue)-80000001", "\(two.rawValue)-80000001", "\(two.rawValue)-80000002", "\(one.rawValue)-80000003",
             "\(two.rawValue)-80000003"]
        }

        func track(_ harness: PollerHarness) async throws {
            for member in [alice, bob] { _ = try await harness.directory.track(memberID: member, in: one, leagueID: nil) }
            for member in [alice, carol] { _ = try await harness.directory.track(memberID: member, in: two, leagueID: nil) }
        }

        @Test func aFullCyclePostsEachNewResultOncePerGuild() async throws {
            let harness = try PollerHarness()
            try await track(harness)
            try await withFakeIRacing(races: races()) { server in
                let publisher = RecordingPublisher()
                let metrics = TestMetrics()
                let (poller, database) = try harness.poller(server, publisher: publisher, metrics: PollerMetrics(factory: metrics))
                let first = await poller.runCycle()
                #expect(first.errors.isEmpty)
                #expect(Set(publisher.keys) == expectedKeys)
                #expect(publisher.keys.count == expectedKeys.count)
                // Each result fetched once, shared by both guilds; the old race never fetched.
                let fetched = await server.state.dataRequests.filter { $0.hasPrefix("/data/results/get") }
                #expect(fetched.sorted() == (1...3).map { "/data/results/get?subsession_id=8000000\($0)" })

                let shared = try #require(publisher.published.first { $0.guildID == one && $0.subsessionID == 80_000_001 })
                #expect(shared.entries.map(\.memberID) == [alice, bob])
                #expect(shared.entries.map(\.finishPosition) == [1, 2])
                #expect(shared.trackName == "Nürburgring Grand-Prix-Strecke")
                #expect(publisher.published.first { $0.guildID == two && $0.subsessionID == 80_000_001 }?.entries.map(\.memberID) == [alice])

                let second = await poller.runCycle()
                #expect(publisher.keys.count == expectedKeys.count, "a second cycle posts nothing again")
                #expect(second.resultsFetched == 0)
                #expect(second.duplicatesSkipped >= 3)

                await server.state.update { $0.world.races.append(Race(subsessionID: 80_000_004, memberIDs: [self.bob], start: Date())) }
                await poller.runCycle()
                #expect(publisher.keys.last == "\(one.rawValue)-80000004")
                #expect(publisher.keys.count == expectedKeys.count + 1)

                let laps = try await IRacingResultStore(database: database).lapData(subsessionID: 80_000_001, memberID: bob, simsessionNumber: 0)
                #expect(laps != nil, "a tracked driver's laps are kept with the result")
                let latest = try await StoredRaceResultArchive(database: database).latestResult(memberID: alice, in: one)
                #expect(latest?.subsessionID == 80_000_003)
                #expect(await poller.status.health.state == .idle)
                #expect(try metrics.expectCounter("trailbrake_iracing_poll_cycles_total").totalValue == 3)
                #expect(try metrics.expectCounter("trailbrake_iracing_results_fetched_total").totalValue == 4)
                #expect(try metrics.expectCounter("trailbrake_iracing_posts_published_total").totalValue == 6)
                #expect(try metrics.expectCounter("trailbrake_iracing_duplicates_skipped_total").totalValue >= 3)
            }
        }

        @Test func aCrashBetweenPublishAndMarkRepeatsOnlyTheInFlightPost() async throws {
            let harness = try PollerHarness()
            try await track(harness)
            try await withFakeIRacing(races: races()) { server in
                let crashing = RecordingPublisher(hangAfter: 2)
                let (first, _) = try harness.poller(server, publisher: crashing)
                let run = Task { await first.runCycle() }
                while crashing.published.count < 2 { try await Task.sleep(for: .milliseconds(10)) }
                run.cancel()  // the process dies while post 2 is out but not yet marked
                _ = await run.value

                let restarted = RecordingPublisher()
                let (second, _) = try harness.poller(server, publisher: restarted)
                await second.runCycle()
                let all = crashing.keys + restarted.keys
                #expect(Set(all) == expectedKeys, "no post is lost")
                #expect(all.count == expectedKeys.count + 1, "only the in-flight post repeats")
                #expect(restarted.keys.first == crashing.keys.last)
                #expect(restarted.keys.filter { $0 == crashing.keys.first }.isEmpty, "a marked post is never repeated")
                // The in-flight post may be out: it is handed over as such (to be looked for first);
                // the posts never attempted are published plainly.
                #expect(restarted.republishedKeys == Array(crashing.keys.suffix(1)))
            }
        }

        @Test func postsWaitInTheOutboxWhileThePublisherIsDown() async throws {
            let harness = try PollerHarness()
            try await track(harness)
            try await withFakeIRacing(races: races()) { server in
                let (down, _) = try harness.poller(server, publisher: RecordingPublisher(refuseAll: true))
                let report = await down.runCycle()
                #expect(report.pendingAfter == expectedKeys.count)
                #expect(await down.status.health.state == .degraded)
                let working = RecordingPublisher()
                let (up, _) = try harness.poller(server, publisher: working)
                await up.runCycle()
                #expect(Set(working.keys) == expectedKeys)
                #expect(working.keys.count == expectedKeys.count)
                #expect(Set(working.republishedKeys) == expectedKeys, "every post was attempted once already")
            }
        }

        @Test func oneMembersFailureDoesNotStopTheOthers() async throws {
            let harness = try PollerHarness()
            try await track(harness)
            try await withFakeIRacing(races: races()) { server in
                let publisher = RecordingPublisher()
                let (poller, _) = try harness.poller(server, publisher: publisher)
                // The first /data call (one member's recent races) is refused as a bad request.
                await server.state.update { $0.faults = [.badRequest] }
                let report = await poller.runCycle()
                #expect(report.errors == ["bad_request"])
                #expect(report.membersChecked == report.trackedMembers - 1)
                #expect(!publisher.keys.isEmpty)
            }
        }

        @Test func aTeamEventPostsTheTeamPlaceForEachTrackedDriver() async throws {
            let harness = try PollerHarness()
            for member in [alice, bob] { _ = try await harness.directory.track(memberID: member, in: one, leagueID: nil) }
            let race = Race(subsessionID: 80_000_010, memberIDs: [carol, alice, bob], start: Date().addingTimeInterval(-600), teamEvent: true)
            try await withFakeIRacing(races: [race]) { server in
                let publisher = RecordingPublisher()
                let (poller, _) = try harness.poller(server, publisher: publisher)
                await poller.runCycle()
                let post = try #require(publisher.published.first)
                #expect(post.isTeamEvent)
                // carol and alice share team 1 (first place), bob drives for team 2.
                #expect(post.entries.map(\.memberID) == [alice, bob])
                #expect(post.entries.map(\.teamName) == ["Team 1", "Team 2"])
                #expect(post.entries.map(\.finishPosition) == [1, 2])
            }
        }

        @Test func leagueRacesAreFoundThroughTheHostedSearch() async throws {
            let harness = try PollerHarness()
            _ = try await harness.directory.track(memberID: alice, in: one, leagueID: 7_058)
            let race = Race(subsessionID: 80_000_020, memberIDs: [alice], start: Date().addingTimeInterval(-3_000), leagueID: 7_058)
            try await withFakeIRacing(races: [race]) { server in
                let publisher = RecordingPublisher()
                let (poller, _) = try harness.poller(server, publisher: publisher)
                await poller.runCycle()
                #expect(publisher.published.map(\.subsessionID) == [80_000_020])
                #expect(publisher.published.first?.leagueName == "Fake League 7058")
                await poller.runCycle()
                #expect(publisher.published.count == 1)
                let searches = await server.state.dataRequests.filter { $0.hasPrefix("/data/results/search_hosted") }
                #expect(searches.count == 2)
                #expect(searches.last?.contains("finish_range_begin=\(IRacingDate.queryText(race.start.addingTimeInterval(2_400)))") == true)
            }
        }
    }
}
