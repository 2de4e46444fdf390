import Foundation
import Integration
import Logging
import ServiceLifecycle
import Storage

/// Keeps league claims checked against iRacing's roster: every guild with a league is synced
/// on its own schedule (its interval after its last sync), and `/sync` asks for one at once.
///
/// One task and one timer: after each cycle the service sets its timer for the next guild due
/// and sleeps until then or until a request wakes it. A cycle syncs at most
/// `guildsPerSyncCycle` guilds, requested ones first, so a backlog never holds a `/sync` back
/// for long; the roster calls share the iRacing client's rate-limit budget with the poller.
public final class LeagueSyncService: Service, Sendable {
    let feature: LeagueFeature
    let sync: LeagueGuildSync
    let logger: Logger

    public init(feature: LeagueFeature, roster: any LeagueRosterSource, announcer: any LeagueAnnouncer, logger: Logger) {
        self.feature = feature
        self.sync = LeagueGuildSync(
            repository: feature.repository, roster: roster, announcer: announcer, configuration: feature.configuration, logger: logger)
        self.logger = logger
    }

    public func run() async throws {
        await feature.syncRequests.attach()
        logger.info("league roster sync started")
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                // A full cycle may have left requested or due guilds for the next one.
                if await self.runCycle() >= self.cycleLimit { continue }
                await self.feature.syncRequests.wakeup.wait(until: await self.nextDeadline())
            }
        }
        await feature.syncRequests.detach()
        logger.info("league roster sync stopped")
    }

    /// Syncs the requested guilds, then the due ones, at most `guildsPerSyncCycle` in all.
    /// Returns how many it synced.
    @discardableResult
    public func runCycle(now: Date = Date()) async -> Int {
        let limit = cycleLimit
        let requested = await feature.syncRequests.take(limit: limit)
        var done = 0
        for request in requested {
            let outcome = await sync.run(guildID: request.guildID, actorID: request.actorID)
            await feature.syncRequests.finish(guildID: request.guildID, with: outcome)
            done += 1
        }
        let requestedGuilds = Set(requested.map(\.guildID))
        let due = (try? await dueGuilds(now: now)) ?? []
        for guildID in due.filter({ !requestedGuilds.contains($0) }).prefix(limit - done) {
            if Task.isCancelled { break }
            _ = await sync.run(guildID: guildID, actorID: nil)
            done += 1
        }
        return done
    }

    var cycleLimit: Int { max(1, feature.configuration.guildsPerSyncCycle) }

    /// Guilds whose interval has passed since their last sync, longest waiting first.
    func dueGuilds(now: Date) async throws -> [String] {
        try await feature.repository.syncSchedule()
            .compactMap { entry -> (String, Date)? in
                guard let due = dueDate(entry), due <= now else { return nil }
                return (entry.guildID, due)
            }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// When the next guild is due, for the timer; nil when no guild has a schedule. After a
    /// failed read of the schedule it looks again in a minute.
    func nextDeadline() async -> ContinuousClock.Instant? {
        let schedule: [LeagueSyncScheduleEntry]
        do { schedule = try await feature.repository.syncSchedule() } catch { return .now + .seconds(60) }
        guard let next = schedule.compactMap(dueDate).min() else { return nil }
        return .now + .milliseconds(Int64(max(0, next.timeIntervalSinceNow) * 1_000))
    }

    private func dueDate(_ entry: LeagueSyncScheduleEntry) -> Date? {
        let minutes = entry.intervalMinutes ?? feature.configuration.defaultSyncIntervalMinutes
        guard minutes > 0 else { return nil }
        return (entry.lastSyncAt ?? .distantPast).addingTimeInterval(TimeInterval(minutes) * 60)
    }
}
