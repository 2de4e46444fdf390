import Foundation
import Integration
import Storage

/// The slash commands of one guild, each returning its answer.
struct GuildCommands {
    let bot: DiscordBot
    let guild: GuildID
    let interaction: Interaction
    /// The reader's language (`ReaderLanguage`).
    let strings: BotStrings

    private var guildKey: String { guild.description }

    func needsManageServer(_ name: String) -> Bool {
        switch name {
        case "setchannel", "settz", "track", "untrack": true
        case "coach": ["follow", "unfollow"].contains(interaction.subcommand?.name ?? "")
        default: false
        }
    }

    func setChannel() async throws -> CommandHandler.Answer {
        guard let kind = interaction.string("kind"), let channel = interaction.string("channel"), UInt64(channel) != nil else {
            return .now(strings(.setChannelUsage))
        }
        switch kind {
        case "results": try await bot.repository.updateSettings(guildID: guildKey, resultsChannelID: channel)
        case "cues": try await bot.repository.updateSettings(guildID: guildKey, cuesChannelID: channel)
        default: return .now(strings(.setChannelKind))
        }
        return .now(strings(kind == "results" ? .setChannelResults : .setChannelCues, ["channel": "<#\(channel)>"]))
    }

    func setTimeZone() async throws -> CommandHandler.Answer {
        let zone = interaction.string("zone")?.trimmingCharacters(in: .whitespaces) ?? ""
        // Only real IANA names ("Europe/Berlin"); abbreviations like "CET" are ambiguous.
        guard TimeZone.knownTimeZoneIdentifiers.contains(zone) else {
            return .now(strings(.unknownZone, ["zone": FeedFormatter.escape(String(zone.prefix(64)))]))
        }
        try await bot.repository.updateSettings(guildID: guildKey, timeZone: zone)
        return .now(strings(.zoneSet, ["zone": zone]))
    }

    func track() -> CommandHandler.Answer {
        guard let member = memberID else { return .now(strings(.invalidMember)) }
        guard let directory = bot.trackedDrivers else { return .now(strings(.trackingOff)) }
        return .later {
            let driver = try await directory.track(memberID: member, in: guild, leagueID: nil)
            let name = driver.displayName.map { " (\(FeedFormatter.escape($0)))" } ?? ""
            return strings(.tracking, ["member": "\(member)", "name": name])
        }
    }

    func untrack() -> CommandHandler.Answer {
        guard let member = memberID else { return .now(strings(.invalidMember)) }
        guard let directory = bot.trackedDrivers else { return .now(strings(.trackingOff)) }
        return .later {
            try await directory.untrack(memberID: member, in: guild)
                ? strings(.untracked, ["member": "\(member)"]) : strings(.notTracked, ["member": "\(member)"])
        }
    }

    func list() -> CommandHandler.Answer {
        guard let directory = bot.trackedDrivers else { return .now(strings(.trackingOff)) }
        return .later {
            let drivers = try await directory.trackedDrivers(in: guild).sorted { $0.memberID < $1.memberID }
            guard !drivers.isEmpty else { return strings(.trackedNone) }
            let lines = drivers.map { "• \($0.memberID)\($0.displayName.map { " – \(FeedFormatter.escape($0))" } ?? "")" }
            return MessageSplitter.chunk(lines: [strings(.trackedHeader)] + lines, limit: MessageLimits.content).first ?? ""
        }
    }

    func lastRace() -> CommandHandler.Answer {
        guard let member = memberID else { return .now(strings(.invalidMember)) }
        guard let archive = bot.results else { return .now(strings(.resultsOff)) }
        let repository = bot.repository
        return .later {
            guard let post = try await archive.latestResult(memberID: member, in: guild),
                let entry = post.entries.first(where: { $0.memberID == member })
            else { return strings(.noResult, ["member": "\(member)"]) }
            let zone = try await repository.settings(guildID: guild.description).timeZone.flatMap(TimeZone.init(identifier:))
            let field = ResultEmbeds.field(entry, strings: strings)
            let summary = ResultEmbeds.summary(post, timeZone: zone ?? TimeZone(identifier: "UTC") ?? .current, strings: strings)
            return "**\(ResultEmbeds.title(post))**\n\(summary)\n**\(field.name)**\n\(field.value)"
        }
    }

    func coach() async throws -> CommandHandler.Answer {
        let linking = CoachLinkCommands(bot: bot, guild: guild, interaction: interaction, strings: strings)
        switch interaction.subcommand?.name {
        case "link": return try await linking.link()
        case "unlink": return try await linking.unlink()
        default: break
        }
        let driver = interaction.string("driver")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !driver.isEmpty, driver.count <= 64 else { return .now(strings(.unlinkNeedsName)) }
        switch interaction.subcommand?.name {
        case "follow":
            guard let channel = interaction.string("channel"), UInt64(channel) != nil else { return .now(strings(.chooseChannel)) }
            if let refusal = try await linking.refusalUnlessLinked(driver) { return refusal }
            try await bot.repository.follow(DiscordFollow(guildID: guildKey, driverName: driver, channelID: channel))
            return .now(strings(.following, ["driver": FeedFormatter.escape(driver), "channel": "<#\(channel)>"]))
        case "unfollow":
            let removed = try await bot.repository.unfollow(guildID: guildKey, driverName: driver)
            return .now(strings(removed ? .unfollowed : .notFollowed, ["driver": FeedFormatter.escape(driver)]))
        case "report":
            if let refusal = try await linking.refusalUnlessLinked(driver) { return refusal }
            return report(driver: driver)
        default:
            return .now(strings(.coachUsage))
        }
    }

    private func report(driver: String) -> CommandHandler.Answer {
        guard let reports = bot.reports else { return .now(strings(.reportsOff)) }
        let byDM = interaction.arguments.first { $0.name == "dm" }?.value == .boolean(true)
        let user = interaction.member?.user?.id
        let bot = bot, strings = strings
        return .later {
            guard let report = try await reports.lastSessionReport(driverName: driver) else {
                return strings(.noSession, ["driver": FeedFormatter.escape(driver)])
            }
            let text = CoachingReportFormatter.text(report, strings: strings)
            guard byDM, let user else { return text }
            try await bot.sendDirectMessage(to: user, text)
            return strings(.reportSent)
        }
    }

    private var memberID: Int? {
        guard let value = interaction.integer("member"), value > 0, value <= Int64(Int32.max) else { return nil }
        return Int(value)
    }
}
