import Foundation
import Integration
import Logging
import ServiceLifecycle
import Storage
import Synchronization
import Testing

@testable import Discord

/// The sync service's own rules, with a roster source that counts its calls: bounded work per
/// cycle (requests first), one timer for the next guild due, requests refused when too many
/// wait or a guild asks again too soon, and waiting commands answered when it stops.
@Suite(.timeLimit(.minutes(1)))
struct LeagueSyncServiceTests {
    /// iRacing as a list of calls: every league has the same one-member roster.
    final class CountingRoster: LeagueRosterSource {
        let calls = Mutex<[Int]>([])
        let times = Mutex<[Date]>([])
        let delay: Duration
        init(delay: Duration = .zero) { self.delay = delay }
        func rosterEntries(leagueID: Int) async throws -> [LeagueRosterEntry] {
            calls.withLock { $0.append(leagueID) }
            times.withLock { $0.append(Date()) }
            if delay > .zero { try await Task.sleep(for: delay) }
            return [LeagueRosterEntry(memberID: 1, displayName: "One", carNumber: "1")]
        }
    }

    struct NoAnnouncements: LeagueAnnouncer {
        func announce(_ text: String, channel: String, nonce: String?) async throws {}
    }

    private func feature(guilds: Int, configuration: LeagueConfiguration) async throws -> LeagueFeature {
        let feature = LeagueFeature(database: try TrailbrakeDatabase.inMemory(), configuration: configuration)
        for index in 0..<guilds {
            try await feature.repository.setUp(guild: "\(100 + index)", leagueID: 1_000 + index, channel: nil)
        }
        return feature
    }

    @Test func aCycleSyncsAtMostItsShareRequestsFirst() async throws {
        let feature = try await feature(guilds: 7, configuration: LeagueConfiguration(guildsPerSyncCycle: 3))
        let roster = CountingRoster()
        let service = LeagueSyncService(feature: feature, roster: roster, announcer: NoAnnouncements(), logger: Logger(label: "test"))
        // Nothing synced yet: all seven are due. Three per cycle, the longest waiting first.
        #expect(await service.runCycle() == 3)
        #expect(roster.calls.withLock { $0.count } == 3)
        #expect(await service.runCycle() == 3)
        #expect(await service.runCycle() == 1)
        #expect(await service.runCycle() == 0, "none is due again before its interval")
        #expect(Set(roster.calls.withLock { $0 }) == Set(1_000..<1_007))
    }

    @Test func theTimerWakesTheServiceForTheNextGuildDue() async throws {
        let feature = try await feature(guilds: 1, configuration: LeagueConfiguration(defaultSyncIntervalMinutes: 1))
        // Synced 57 s ago with a 1-minute interval: due in 3 s, and nothing else wakes the service.
        let lastSync = Date().addingTimeInterval(-57)
        try await feature.repository.recordSync(guildID: "100", roster: [], actorID: nil, at: lastSync)
        let roster = CountingRoster()
        let service = LeagueSyncService(feature: feature, roster: roster, announcer: NoAnnouncements(), logger: Logger(label: "test"))
        let group = ServiceGroup(configuration: .init(services: [service], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await eventually("the scheduled sync", seconds: 30) { roster.calls.withLock { !$0.isEmpty } }
            #expect(roster.calls.withLock { $0 } == [1_000])
            let synced = try #require(roster.times.withLock { $0.first })
            // SQLite keeps milliseconds: allow that much.
            #expect(synced >= lastSync.addingTimeInterval(60 - 0.002), "not before it was due")
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// `/sync` twice: the second inside the cooldown is refused with the seconds left; a roster
    /// over `maxRosterMembers` is refused and changes nothing, one at the limit is taken.
    @Test func cooldownAndRosterSizeLimits() async throws {
        let feature = try await feature(
            guilds: 1, configuration: LeagueConfiguration(defaultSyncIntervalMinutes: 10_000, manualSyncCooldownSeconds: 600, maxRosterMembers: 1))
        let roster = CountingRoster()
        let service = LeagueSyncService(feature: feature, roster: roster, announcer: NoAnnouncements(), logger: Logger(label: "test"))
        let group = ServiceGroup(configuration: .init(services: [service], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            while await !feature.syncRequests.isAvailable { try await Task.sleep(for: .milliseconds(10)) }
            guard case .synced(let summary) = await feature.syncRequests.sync(guildID: "100", actorID: "a") else {
                Issue.record("a one-member roster is within a limit of one")
                return
            }
            #expect(summary.rosterCount == 1)
            guard case .coolingDown(let seconds) = await feature.syncRequests.sync(guildID: "100", actorID: "a") else {
                Issue.record("a second /sync within the cooldown must be refused")
                return
            }
            #expect((590...600).contains(seconds))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        // Two members where one is allowed.
        let tooMany = LeagueGuildSync(
            repository: feature.repository, roster: TwoMembers(), announcer: NoAnnouncements(), configuration: feature.configuration,
            logger: Logger(label: "test"))
        #expect(await tooMany.run(guildID: "100", actorID: "a") == .failed(code: "roster_too_large"))
        #expect(try await feature.repository.roster(guildID: "100").rows.count == 1, "the stored roster is the last good one")
        #expect(try await feature.repository.settings(guildID: "100")?.lastSyncError == "roster_too_large")
    }

    struct TwoMembers: LeagueRosterSource {
        func rosterEntries(leagueID: Int) async throws -> [LeagueRosterEntry] {
            [LeagueRosterEntry(memberID: 1, displayName: "One", carNumber: "1"), LeagueRosterEntry(memberID: 2, displayName: "Two", carNumber: "2")]
        }
    }

    @Test func requestsAreBoundedAndAnsweredWhenTheServiceStops() async throws {
        let feature = try await feature(
            guilds: 3, configuration: LeagueConfiguration(manualSyncCooldownSeconds: 3_600, maxWaitingSyncRequests: 2))
        let requests = feature.syncRequests
        #expect(await requests.sync(guildID: "100", actorID: "a") == .unavailable, "no service runs")
        let roster = CountingRoster(delay: .seconds(30))
        let service = LeagueSyncService(feature: feature, roster: roster, announcer: NoAnnouncements(), logger: Logger(label: "test"))
        let group = ServiceGroup(configuration: .init(services: [service], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            while await !requests.isAvailable { try await Task.sleep(for: .milliseconds(10)) }
            // The service is busy with a 30 s roster call; requests wait, two at most.
            async let first = requests.sync(guildID: "100", actorID: "a")
            async let second = requests.sync(guildID: "101", actorID: "a")
            try await eventually("two waiting") { await requests.waitingCount == 2 }
            #expect(await requests.sync(guildID: "102", actorID: "a") == .busy)
            // Stopping answers both at once (a sync cut short by the shutdown counts as failed).
            let stopping = ContinuousClock.now
            await group.triggerGracefulShutdown()
            for outcome in [await first, await second] {
                #expect(outcome == .unavailable || outcome == .failed(code: "sync_failed"), "\(outcome)")
            }
            #expect(ContinuousClock.now - stopping < .seconds(10))
            try await tasks.waitForAll()
        }
        #expect(await requests.sync(guildID: "100", actorID: "a") == .unavailable)
    }
}
