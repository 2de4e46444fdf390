import Foundation
import Integration
import Logging
import Storage

/// One guild's sync: fetch the league roster, store what it means for every claim (and the
/// audit entries of what changed), then post the differences not posted before, once.
struct LeagueGuildSync {
    let repository: LeagueRepository
    let roster: any LeagueRosterSource
    let announcer: any LeagueAnnouncer
    let configuration: LeagueConfiguration
    let logger: Logger

    /// `actorID` nil: the schedule.
    func run(guildID: String, actorID: String?) async -> LeagueSyncOutcome {
        let settings: LeagueSettings
        do {
            guard let stored = try await repository.settings(guildID: guildID) else { return .noLeague }
            settings = stored
        } catch {
            return .failed(code: Self.code(of: error))
        }
        guard let leagueID = settings.leagueID else { return .noLeague }
        let rows: [LeagueRosterRow]
        do {
            let entries = try await roster.rosterEntries(leagueID: leagueID)
            guard entries.count <= configuration.maxRosterMembers else { throw LeagueRosterUnavailable(code: "roster_too_large") }
            rows = entries.map(LeagueRosterCleaning.row)
        } catch {
            let code = Self.code(of: error)
            logger.warning("league roster sync failed", metadata: ["guild": "\(guildID)", "league": "\(leagueID)", "error": "\(code)"])
            try? await repository.recordSyncFailure(guildID: guildID, code: code)
            return .failed(code: code)
        }
        do {
            let record = try await repository.recordSync(guildID: guildID, roster: rows, actorID: actorID)
            let announced = await announceDifferences(settings, leagueID: leagueID)
            var counts: [LeagueSyncState: Int] = [:]
            for check in record.checks { counts[check.state, default: 0] += 1 }
            return .synced(LeagueSyncSummary(
                leagueID: leagueID, rosterCount: rows.count, counts: counts, changed: record.changed.count, announced: announced,
                announceChannelID: settings.announceChannelID))
        } catch {
            return .failed(code: Self.code(of: error))
        }
    }

    /// Posts the differences no earlier post showed, then records them as posted. A failed post
    /// leaves them unrecorded, so the next sync tries again (its nonce keeps a repeat within
    /// Discord's nonce memory from appearing twice). Returns how many were posted.
    private func announceDifferences(_ settings: LeagueSettings, leagueID: Int) async -> Int {
        guard let channel = settings.announceChannelID else { return 0 }
        do {
            let differences = try await repository.unannouncedDifferences(guildID: settings.guildID)
            guard !differences.isEmpty else { return 0 }
            let strings = LeagueStrings(language: settings.language)
            let lines = differences.map { claim in
                claim.syncState == .missing
                    ? strings(.announceMissing, ["number": LeagueFormat.number(claim.number), "user": LeagueFormat.user(claim.userID)])
                    : strings(.announceDifferent, [
                        "number": LeagueFormat.number(claim.number), "user": LeagueFormat.user(claim.userID),
                        "iracing": LeagueFormat.iracingNumber(claim.iracingNumber ?? "?"),
                    ])
            }
            let header = strings(.announceDifferences, ["league": String(leagueID)])
            let key = differences.map { "\($0.number.text):\($0.userID):\($0.syncState.rawValue):\($0.iracingNumber ?? "")" }
                .joined(separator: ",")
            for (part, text) in MessageSplitter.chunk(lines: [header] + lines, limit: MessageLimits.content).enumerated() {
                try await announcer.announce(
                    text, channel: channel, nonce: ResultNonce.make(postKey: "league:\(settings.guildID):\(key)", part: part))
            }
            try await repository.markAnnounced(differences, guildID: settings.guildID)
            return differences.count
        } catch {
            logger.warning("posting league differences failed", metadata: ["guild": "\(settings.guildID)", "error": "\(error)"])
            return 0
        }
    }

    static func code(of error: any Error) -> String {
        (error as? LeagueRosterUnavailable)?.code ?? (error as? StorageError)?.code ?? (error as? DiscordError)?.code ?? "sync_failed"
    }
}
