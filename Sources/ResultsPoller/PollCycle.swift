import Foundation
import IRacing
import Integration
import Logging
import Storage

/// One poll: find the subsessions tracked members drove, fetch each new result once, queue a
/// post per guild (result and decision in one transaction), then publish the outbox.
struct PollCycle: Sendable {
    let source: any ResultsSource
    let store: IRacingResultStore
    let outbox: OutboxPublisher
    let settings: ResultsPollerSettings
    let metrics: PollerMetrics
    let logger: Logger

    func run() async throws -> PollCycleReport {
        var report = PollCycleReport()
        let tracked = try await store.trackedDrivers()
        let byMember = Dictionary(grouping: tracked, by: \.memberID)
        report.trackedMembers = byMember.count

        let (candidates, checked, discoveryErrors) = await discover(byMember)
        report.membersChecked = checked
        report.errors += discoveryErrors
        for candidate in candidates.ordered {
            try Task.checkCancellation()
            do {
                try await process(candidate, tracked: tracked, report: &report)
            } catch let error as IRacingError {
                report.errors.append(error.code)
                logger.warning("a result could not be read", metadata: ["subsession": "\(candidate.subsessionID)", "error": "\(error)"])
            }
        }
        let (published, publishErrors) = try await outbox.publishPending()
        report.postsPublished = published
        report.errors += publishErrors
        report.pendingAfter = try await store.outboxCounts().pending
        metrics.cycles.increment()
        return report
    }

    /// Reads every member's recent races (and league searches), a few members at a time; one
    /// member's failure is logged and counted, and the others go on.
    private func discover(_ byMember: [Int: [IRacingTrackedDriverRecord]]) async -> (CandidateSet, Int, [String]) {
        var merged = CandidateSet()
        var checked = 0
        var errors: [String] = []
        let members = byMember.keys.sorted()
        var next = 0
        await withTaskGroup(of: (CandidateSet?, String?).self) { group in
            func startNext() {
                guard next < members.count else { return }
                let member = members[next]
                let records = byMember[member] ?? []
                next += 1
                group.addTask { await self.candidates(memberID: member, records: records) }
            }
            for _ in 0..<max(1, settings.concurrentMembers) { startNext() }
            for await (found, error) in group {
                if let found {
                    merged.merge(found)
                    checked += 1
                }
                if let error { errors.append(error) }
                startNext()
            }
        }
        return (merged, checked, errors)
    }

    private func candidates(memberID: Int, records: [IRacingTrackedDriverRecord]) async -> (CandidateSet?, String?) {
        var found = CandidateSet()
        let earliestTracking = records.map(\.trackedSince).min() ?? Date()
        let oldestWanted = earliestTracking.addingTimeInterval(-settings.lookbackBeforeTracking)
        do {
            let recent = try await source.memberRecentRaces(memberID: memberID)
            for race in recent.races where (race.sessionStartTime ?? .distantFuture) >= oldestWanted {
                found.add(subsessionID: race.subsessionId, memberID: memberID, startTime: race.sessionStartTime, endTime: nil)
            }
            for leagueID in Set(records.compactMap(\.leagueID)) {
                try await addLeagueSessions(memberID: memberID, leagueID: leagueID, since: oldestWanted, to: &found)
            }
            return (found, nil)
        } catch {
            metrics.memberFailures.increment()
            logger.warning("checking a member's races failed", metadata: ["member": "\(memberID)", "error": "\(error)"])
            return (nil, error.code)
        }
    }

    /// League sessions that ended since the last one seen for this member and league.
    private func addLeagueSessions(memberID: Int, leagueID: Int, since: Date, to found: inout CandidateSet) async throws(IRacingError) {
        let scope = "league:\(leagueID):member:\(memberID)"
        let lastSeen: Date?
        do { lastSeen = try await store.lastEndTime(scope: scope) } catch { throw .transport("poll state unreadable") }
        let sessions = try await source.searchHosted(memberID: memberID, leagueID: leagueID, finishedAfter: lastSeen ?? since)
        for session in sessions {
            found.add(subsessionID: session.subsessionId, memberID: memberID, startTime: session.startTime, endTime: session.endTime)
        }
        if let newest = sessions.compactMap(\.endTime).max() {
            try? await store.advanceEndTime(scope: scope, to: newest)
        }
    }

    /// Decides the posts of one subsession: fetches the result only when a guild still needs it
    /// and it is not stored yet.
    private func process(_ candidate: Candidate, tracked: [IRacingTrackedDriverRecord], report: inout PollCycleReport) async throws {
        let interested = Set(tracked.filter { candidate.memberIDs.contains($0.memberID) }.map(\.guildID))
        let open = interested.subtracting(try await store.decidedGuilds(subsessionID: candidate.subsessionID))
        guard !open.isEmpty else {
            report.duplicatesSkipped += 1
            metrics.duplicatesSkipped.increment()
            return
        }
        let result: SubsessionResult
        var fetched: IRacingFetchedResult?
        if let stored = try await store.storedResult(subsessionID: candidate.subsessionID) {
            result = try IRacingClient.decodeResult(stored)
        } else {
            let (decoded, json) = try await source.subsessionResult(subsessionID: candidate.subsessionID)
            result = decoded
            report.resultsFetched += 1
            metrics.resultsFetched.increment()
            let members = decoded.sessionResults.flatMap { $0.driverRows.compactMap(\.driver.custId) }
            fetched = IRacingFetchedResult(
                subsessionID: candidate.subsessionID, startTime: decoded.startTime, endTime: decoded.endTime,
                leagueID: decoded.leagueId, json: json, memberIDs: members)
        }
        var posts: [IRacingOutboxPost] = []
        for guild in open.sorted() {
            let guildDrivers = tracked.filter { $0.guildID == guild }
            let since = Dictionary(guildDrivers.map { ($0.memberID, $0.trackedSince) }, uniquingKeysWith: min)
            guard
                let post = PostBuilder.post(
                    for: result, guild: GuildID(rawValue: guild), tracked: since, lookback: settings.lookbackBeforeTracking)
            else { continue }
            posts.append(IRacingOutboxPost(guildID: guild, subsessionID: candidate.subsessionID, payload: try JSONEncoder.outbox.encode(post)))
        }
        report.postsQueued += try await store.record(result: fetched, posts: posts)
        if fetched != nil, settings.storeLapData { await storeLaps(of: result, members: Set(tracked.map(\.memberID))) }
    }

    /// Keeps the main-event laps of every tracked member in a newly fetched result. Best effort:
    /// the post does not wait for or depend on it.
    private func storeLaps(of result: SubsessionResult, members: Set<Int>) async {
        guard let main = result.mainEvent else { return }
        for (driver, team) in main.driverRows {
            guard let memberID = driver.custId, members.contains(memberID) else { continue }
            do {
                let json = try await source.lapDataJSON(
                    subsessionID: result.subsessionId, simsessionNumber: main.simsessionNumber, memberID: memberID,
                    teamID: team?.teamId)
                try await store.storeLapData(
                    subsessionID: result.subsessionId, memberID: memberID, simsessionNumber: main.simsessionNumber, json: json)
            } catch {
                logger.info("lap data not stored", metadata: ["subsession": "\(result.subsessionId)", "member": "\(memberID)"])
            }
        }
    }
}
