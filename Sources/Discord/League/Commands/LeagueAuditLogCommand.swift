import Storage

/// `/auditlog [USER] [LIMIT]`: the guild's newest changes, oldest first, as many as fit in one
/// reply. Read only: no command edits or deletes the log (the table refuses it too).
struct LeagueAuditLogCommand {
    let context: LeagueCommandContext
    let configuration: LeagueConfiguration

    static let defaultLimit = 20

    func auditLog() -> LeagueReply {
        let maximum = max(1, configuration.auditLogMaxEntries)
        let limit = context.isPresent("limit") ? context.integer("limit", in: 1...maximum) : min(Self.defaultLimit, maximum)
        guard let limit else { return context.answer(.auditBadLimit, ["max": String(maximum)]) }
        if context.isPresent("user"), context.snowflake("user") == nil { return context.answer(.invalidUser) }
        let user = context.snowflake("user")
        let context = context
        return context.later {
            let entries = try await context.repository.auditLog(guildID: context.guildID, userID: user, limit: limit)
            guard !entries.isEmpty else { return LeagueAnswer(context.strings(.auditEmpty)) }
            var lines = entries.map { Self.line($0, context.strings) }
            let header = { (count: Int) in context.strings(.auditHeader, ["count": String(count)]) }
            // The newest entries are kept when they do not all fit.
            while lines.count > 1, (([header(lines.count)] + lines).joined(separator: "\n")).utf16.count > MessageLimits.content {
                lines.removeFirst()
            }
            return LeagueAnswer(([header(lines.count)] + lines).joined(separator: "\n"))
        }
    }

    static func line(_ entry: LeagueAuditEntry, _ strings: LeagueStrings) -> String {
        let actor = entry.actorID.map(LeagueFormat.user) ?? strings(.auditScheduledSync)
        let number = entry.number.flatMap(CarNumber.init).map(LeagueFormat.number) ?? ""
        let subject = entry.subjectID.map(LeagueFormat.user) ?? ""
        let sentence: String = switch entry.action {
        case .claim: strings(.auditClaim, ["actor": actor, "number": number])
        case .release: strings(.auditRelease, ["actor": actor, "number": number])
        case .forceRelease: strings(.auditForceRelease, ["actor": actor, "number": number, "user": subject])
        case .assign: strings(.auditAssign, ["actor": actor, "number": number, "user": subject])
        case .link where entry.after == nil:
            strings(.auditUnlink, ["actor": actor, "user": subject, "before": value(entry.before, strings)])
        case .link:
            strings(.auditLink, ["actor": actor, "user": subject, "after": value(entry.after, strings), "before": value(entry.before, strings)])
        case .config:
            strings(.auditConfig, [
                "actor": actor, "field": LeagueFormat.name(entry.field ?? ""), "before": setting(entry.field, entry.before, strings),
                "after": setting(entry.field, entry.after, strings),
            ])
        case .sync:
            strings(.auditSync, [
                "actor": actor, "number": number, "user": subject, "before": state(entry.before, strings),
                "after": state(entry.after, strings),
            ])
        }
        return "\(LeagueFormat.time(entry.at, style: "d")) \(LeagueFormat.time(entry.at, style: "t")) · \(sentence)"
    }

    private static func value(_ text: String?, _ strings: LeagueStrings) -> String {
        text.map { LeagueFormat.name($0) } ?? strings(.valueNone)
    }

    /// A setting's stored value as the settings show it: roles and channels as mentions.
    private static func setting(_ field: String?, _ text: String?, _ strings: LeagueStrings) -> String {
        guard let text else { return strings(.valueNone) }
        switch field {
        case "admin_role": return LeagueFormat.role(text)
        case "channel": return LeagueFormat.channel(text)
        default: return LeagueFormat.name(text)
        }
    }

    /// "different:07" -> "iRacing has **#07**".
    private static func state(_ text: String?, _ strings: LeagueStrings) -> String {
        guard let text else { return strings(.valueNone) }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let state = LeagueSyncState(rawValue: parts[0]) else { return LeagueFormat.name(text) }
        return LeagueFormat.state(state, iracingNumber: parts.count > 1 ? parts[1] : nil, strings)
    }
}
