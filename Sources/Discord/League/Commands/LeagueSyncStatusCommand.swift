import Foundation
import Storage

/// `/syncstatus`: when the last sync ran and how it went, when the next is due, the claims per
/// state and every difference (as many as fit in one reply).
struct LeagueSyncStatusCommand {
    let context: LeagueCommandContext
    let settings: LeagueSettings

    func status() async throws -> LeagueReply {
        let strings = context.strings
        var lines: [String] = []
        if settings.leagueID == nil { lines.append(strings(.syncNoLeague)) }
        switch (settings.lastSyncAt, settings.lastSyncError) {
        case (nil, _): lines.append(strings(.syncStatusNever))
        case (let at?, let code?):
            lines.append(strings(.syncStatusFailed, ["when": LeagueFormat.time(at), "code": LeagueFormat.name(code)]))
        case (let at?, nil):
            lines.append(strings(.syncStatusLast, ["when": LeagueFormat.time(at), "roster": String(settings.lastSyncRosterCount ?? 0)]))
        }
        let minutes = settings.syncIntervalMinutes ?? context.league.configuration.defaultSyncIntervalMinutes
        if settings.leagueID != nil {
            if minutes > 0 {
                let next = max(Date(), (settings.lastSyncAt ?? Date()).addingTimeInterval(TimeInterval(minutes) * 60))
                lines.append(strings(.syncStatusNext, ["when": LeagueFormat.time(next, style: "R")]))
            } else {
                lines.append(strings(.syncStatusNoSchedule))
            }
        }
        let claims = try await context.repository.claims(guildID: context.guildID)
        var counts: [LeagueSyncState: Int] = [:]
        for claim in claims { counts[claim.syncState, default: 0] += 1 }
        lines.append(strings(.syncStatusCounts, [
            "synced": String(counts[.synced] ?? 0), "missing": String(counts[.missing] ?? 0), "different": String(counts[.different] ?? 0),
            "unlinked": String(counts[.unlinked] ?? 0), "unchecked": String(counts[.unchecked] ?? 0),
        ]))
        let differences = claims.filter(\.syncState.isDifference)
        lines.append(strings(differences.isEmpty ? .syncStatusNoDifferences : .syncStatusDifferences))
        lines += differences.map { claim in
            let state = LeagueFormat.state(claim.syncState, iracingNumber: claim.iracingNumber, strings)
            return "⚠️ \(LeagueFormat.number(claim.number)) · \(LeagueFormat.user(claim.userID)) · \(state)"
        }
        return .now(LeagueAnswer(MessageSplitter.chunk(lines: lines, limit: MessageLimits.content).first ?? ""))
    }
}
