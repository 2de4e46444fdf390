import Foundation
import Storage

/// `/link IRACING_ID [user]`: ties a member to an iRacing member id. When the guild has a league
/// the id must be in its roster: the stored roster when it is recent, else a sync first; when
/// iRacing cannot be asked, the link is kept unverified and the next sync checks it.
///
/// A link shows the member is in the roster, not that they are that member (iRacing offers no
/// proof a bot can check), so a member id taken by the wrong person is an admin's to fix:
/// `/link IRACING_ID user:@member` by an admin links that member and takes the id from whoever
/// had it.
struct LeagueLinkCommand {
    let context: LeagueCommandContext
    let settings: LeagueSettings

    /// The member being linked: the one asking, or `user` when an admin links someone.
    private var target: String { context.snowflake("user") ?? context.userID }
    private var byAdmin: Bool { target != context.userID }

    func link() async throws -> LeagueReply {
        guard let memberID = context.integer("iracing_id", in: 1...999_999_999) else { return context.answer(.invalidMemberID) }
        if context.isPresent("user") {
            guard context.snowflake("user") != nil else { return context.answer(.invalidUser) }
            if byAdmin, !context.isAdmin { return context.answer(.adminOnly, ["command": "link user"]) }
        }
        guard settings.leagueID != nil else {
            return .now(try await store(memberID: memberID, name: nil, verified: false, success: .linkedWithoutLeague))
        }
        return context.later { [self] in
            let reason = await refreshRosterIfStale()
            guard let stored = try await context.repository.settings(guildID: context.guildID), stored.lastSyncAt != nil,
                stored.lastSyncError == nil
            else {
                return try await store(
                    memberID: memberID, name: nil, verified: false, success: .linkedUnverified, reason: reason ?? "not_synced")
            }
            guard let row = try await context.repository.roster(guildID: context.guildID).rows.first(where: { $0.memberID == memberID })
            else { return LeagueAnswer(context.strings(.linkNotInRoster, ["member": String(memberID)])) }
            return try await store(memberID: memberID, name: row.displayName, verified: true, success: .linked)
        }
    }

    /// Syncs when the stored roster is older than `linkRosterMaxAgeSeconds` (or failed); returns
    /// why a needed sync did not happen, nil when the roster is fresh.
    private func refreshRosterIfStale() async -> String? {
        if let last = settings.lastSyncAt, settings.lastSyncError == nil,
            Date().timeIntervalSince(last) < TimeInterval(context.league.configuration.linkRosterMaxAgeSeconds)
        {
            return nil
        }
        switch await context.league.syncRequests.sync(guildID: context.guildID, actorID: context.userID) {
        case .synced: return nil
        case .failed(let code): return code
        case .unavailable: return "iracing_unavailable"
        case .busy, .coolingDown: return "sync_busy"
        case .noLeague: return "no_league"
        }
    }

    private func store(
        memberID: Int, name: String?, verified: Bool, success: LeagueText, reason: String = ""
    ) async throws -> LeagueAnswer {
        let outcome = try await context.repository.link(
            userID: target, to: memberID, guildID: context.guildID, iracingName: name, verified: verified, actorID: context.userID,
            takeOver: byAdmin)
        let values: KeyValuePairs<String, String> = ["member": String(memberID), "name": LeagueFormat.name(name ?? ""), "reason": reason]
        switch outcome {
        case .linked where byAdmin:
            return LeagueAnswer(context.strings(.linkedMember, ["user": LeagueFormat.user(target), "member": String(memberID)]))
        case .linked(let previous) where previous == memberID && !verified:
            return LeagueAnswer(context.strings(.linkUnchanged, values))
        case .linked:
            return LeagueAnswer(context.strings(success, values))
        case .linkedToSomeoneElse(let owner):
            return LeagueAnswer(context.strings(.linkTaken, ["member": String(memberID), "user": LeagueFormat.user(owner)]))
        }
    }
}
