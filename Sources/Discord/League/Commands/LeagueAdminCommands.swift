import Storage

/// What league admins do to numbers: release anyone's, give one to a member, sync now.
struct LeagueAdminCommands {
    let context: LeagueCommandContext
    let settings: LeagueSettings

    private var strings: LeagueStrings { context.strings }

    func forceRelease() async throws -> LeagueReply {
        let (parsed, refusal) = context.numberArgument()
        guard let number = parsed else { return refusal ?? context.answer(.failed, ["code": "invalid_input"]) }
        let shown = LeagueFormat.number(number)
        switch try await context.repository.release(number, guildID: context.guildID, actorID: context.userID, force: true) {
        case .released(let holder), .heldBy(let holder):
            let values: KeyValuePairs<String, String> = [
                "number": shown, "user": LeagueFormat.user(holder), "admin": LeagueFormat.user(context.userID),
            ]
            let announcement = context.announcement(strings(.announceForceReleased, values))
            return .now(LeagueAnswer(strings(.forceReleased, values), announcement: announcement))
        case .notHeld:
            return context.answer(.notHeld, ["number": shown])
        }
    }

    /// Gives a free number to a member; the per-member limit is the admin's to overrule, the
    /// range and the leading-zero rule are not.
    func assign() async throws -> LeagueReply {
        let (parsed, refusal) = context.numberArgument()
        guard let number = parsed else { return refusal ?? context.answer(.failed, ["code": "invalid_input"]) }
        guard let user = context.snowflake("user") else { return context.answer(.invalidUser) }
        if let refusal = context.refusalToHold(number, in: settings) { return refusal }
        let outcome = try await context.repository.claim(
            number, guildID: context.guildID, userID: user, userName: nil, maxPerMember: nil, actorID: context.userID)
        let values: KeyValuePairs<String, String> = [
            "number": LeagueFormat.number(number), "user": LeagueFormat.user(user), "admin": LeagueFormat.user(context.userID),
        ]
        switch outcome {
        case .claimed:
            return .now(LeagueAnswer(strings(.assigned, values), announcement: context.announcement(strings(.announceAssigned, values))))
        case .alreadyHeld:
            return context.answer(.assignAlready, values)
        case .takenBy(let holder):
            return context.answer(.assignTaken, ["number": LeagueFormat.number(number), "user": LeagueFormat.user(holder)])
        case .limitReached:
            return context.answer(.failed, ["code": "limit_reached"])
        }
    }

    /// `/sync`: waits (deferred) for the sync service to sync this guild.
    func sync() async -> LeagueReply {
        guard settings.leagueID != nil else { return context.answer(.syncNoLeague) }
        guard await context.league.syncRequests.isAvailable else { return context.answer(.syncUnavailable) }
        let context = context
        return context.later {
            let outcome = await context.league.syncRequests.sync(guildID: context.guildID, actorID: context.userID)
            return LeagueAnswer(Self.text(outcome, context.strings))
        }
    }

    static func text(_ outcome: LeagueSyncOutcome, _ strings: LeagueStrings) -> String {
        switch outcome {
        case .synced(let summary):
            var lines = [strings(.syncDone, [
                "league": String(summary.leagueID), "roster": String(summary.rosterCount), "synced": String(summary.count(.synced)),
                "missing": String(summary.count(.missing)), "different": String(summary.count(.different)),
                "unlinked": String(summary.count(.unlinked)), "unchecked": String(summary.count(.unchecked)),
            ])]
            if let channel = summary.announceChannelID {
                lines.append(summary.announced > 0
                    ? strings(.syncPosted, ["channel": LeagueFormat.channel(channel), "count": String(summary.announced)])
                    : strings(.syncNothingNew))
            } else if summary.count(.missing) + summary.count(.different) > 0 {
                lines.append(strings(.syncNoChannel))
            }
            return lines.joined(separator: "\n")
        case .failed(let code): return strings(.syncFailed, ["code": code])
        case .noLeague: return strings(.syncNoLeague)
        case .unavailable: return strings(.syncUnavailable)
        case .coolingDown(let seconds): return strings(.syncCoolingDown, ["seconds": String(seconds)])
        case .busy: return strings(.syncBusy)
        }
    }
}
