import Integration
import Storage

/// `/setup` and `/config`: the league's settings. Each change is audited with its value before
/// and after (by the repository), and the sync service is told, since the schedule may move.
struct LeagueSetupCommands {
    let context: LeagueCommandContext

    private var strings: LeagueStrings { context.strings }

    /// `/setup FROM TO [league_id] [admin_role] [channel] [language]` (Manage Server).
    func setup() async throws -> LeagueReply {
        guard let from = context.integer("from", in: 0...999), let to = context.integer("to", in: 0...999), from <= to else {
            return context.answer(.invalidRange)
        }
        var changes: [LeagueSettingChange] = [.range(from...to)]
        if context.isPresent("league_id") {
            guard let league = context.integer("league_id", in: 1...999_999_999) else { return context.answer(.invalidLeague) }
            changes.append(.league(league))
        }
        if context.isPresent("admin_role") {
            switch adminRole() {
            case .success(let role): changes.append(.adminRole(role))
            case .failure(let refusal): return refusal.reply
            }
        }
        if context.isPresent("channel") {
            guard let channel = context.snowflake("channel") else { return context.answer(.invalidChannel) }
            changes.append(.announceChannel(channel))
        }
        if let language = context.interaction.string("language") {
            guard let value = GuildLanguage(rawValue: language) else { return context.answer(.invalidLanguage) }
            changes.append(.language(value))
        }
        let settings = try await context.repository.apply(
            changes, guildID: context.guildID, actorID: context.userID, creatingWith: from...to)
        await context.league.syncRequests.scheduleChanged()
        let after = LeagueStrings(language: settings.language)
        let lines = [after(.setupSaved)] + LeagueSettingsText.lines(settings, after, configuration: context.league.configuration)
            + [after(.setupNextSteps)]
        return .now(LeagueAnswer(lines.joined(separator: "\n")))
    }

    /// `/config show|league|range|adminrole|channel|language|perperson|leadingzeros|syncinterval`.
    func config(_ settings: LeagueSettings) async throws -> LeagueReply {
        let configuration = context.league.configuration
        let change: LeagueSettingChange
        switch context.interaction.subcommand?.name {
        case "league":
            guard let id = context.integer("league_id", in: 0...999_999_999) else { return context.answer(.invalidLeague) }
            change = .league(id == 0 ? nil : id)
        case "range":
            guard let from = context.integer("from", in: 0...999), let to = context.integer("to", in: 0...999), from <= to else {
                return context.answer(.invalidRange)
            }
            change = .range(from...to)
        case "adminrole":
            switch adminRole() {
            case .success(let role): change = .adminRole(role)
            case .failure(let refusal): return refusal.reply
            }
        case "channel":
            if context.isPresent("channel"), context.snowflake("channel") == nil { return context.answer(.invalidChannel) }
            change = .announceChannel(context.snowflake("channel"))
        case "language":
            guard let language = context.interaction.string("value").flatMap(GuildLanguage.init(rawValue:)) else {
                return context.answer(.invalidLanguage)
            }
            change = .language(language)
        case "perperson":
            guard let count = context.integer("count", in: 1...configuration.maxNumbersPerMember) else {
                return context.answer(.invalidPerMember, ["max": String(configuration.maxNumbersPerMember)])
            }
            change = .maxPerMember(count)
        case "leadingzeros":
            guard let allow = context.boolean("allow") else { return context.answer(.failed, ["code": "invalid_input"]) }
            change = .leadingZeros(allow)
        case "syncinterval":
            let minimum = configuration.minimumSyncIntervalMinutes
            guard let minutes = context.integer("minutes", in: 0...LeagueConfiguration.maximumSyncIntervalMinutes),
                minutes == 0 || minutes >= minimum
            else {
                return context.answer(.invalidInterval, [
                    "min": String(minimum), "max": String(LeagueConfiguration.maximumSyncIntervalMinutes),
                ])
            }
            change = .syncInterval(minutes: minutes)
        default:
            let lines = [strings(.settingsHeader)] + LeagueSettingsText.lines(settings, strings, configuration: configuration)
            return .now(LeagueAnswer(lines.joined(separator: "\n")))
        }
        let after = try await context.repository.apply([change], guildID: context.guildID, actorID: context.userID)
        await context.league.syncRequests.scheduleChanged()
        let replyStrings = LeagueStrings(language: after.language)
        guard after != settings else { return .now(LeagueAnswer(replyStrings(.configUnchanged))) }
        var text = LeagueSettingsText.change(change, before: settings, after: after, replyStrings, configuration: configuration)
        if case .range(let range) = change {
            let outside = try await context.repository.claims(guildID: context.guildID).filter { !range.contains($0.number.value) }.count
            if outside > 0 { text += "\n" + replyStrings(.rangeLeavesClaims, ["count": String(outside)]) }
        }
        return .now(LeagueAnswer(text))
    }

    private struct Refusal: Error { let reply: LeagueReply }

    /// The `admin_role` option: a role id, nil when left empty, refused for @everyone (whose id
    /// is the guild's: it would make every member an admin).
    private func adminRole() -> Result<String?, Refusal> {
        guard context.isPresent("admin_role") else { return .success(nil) }
        guard let role = context.snowflake("admin_role") else { return .failure(Refusal(reply: context.answer(.invalidRole))) }
        guard role != context.guildID else { return .failure(Refusal(reply: context.answer(.everyoneRole))) }
        return .success(role)
    }
}
