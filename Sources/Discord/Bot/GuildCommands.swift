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
            return .now("Usage: /setchannel kind:results|cues channel:#channel")
        }
        switch kind {
        case "results": try await bot.repository.updateSettings(guildID: guildKey, resultsChannelID: channel)
        case "cues": try await bot.repository.updateSettings(guildID: guildKey, cuesChannelID: channel)
        default: return .now("kind must be results or cues.")
        }
        return .now("\(kind == "results" ? "Race results" : "Live cues") will be posted in <#\(channel)>.")
    }

    func setTimeZone() async throws -> CommandHandler.Answer {
        let zone = interaction.string("zone")?.trimmingCharacters(in: .whitespaces) ?? ""
        // Only real IANA names ("Europe/Berlin"); abbreviations like "CET" are ambiguous.
        guard TimeZone.knownTimeZoneIdentifiers.contains(zone) else {
            return .now("Unknown time zone '\(FeedFormatter.escape(String(zone.prefix(64))))'. Use an IANA name such as Europe/Berlin.")
        }
        try await bot.repository.updateSettings(guildID: guildKey, timeZone: zone)
        return .now("Results will show times in \(zone).")
    }

    func track() -> CommandHandler.Answer {
        guard let member = memberID else { return .now("Give an iRacing member id (a positive number).") }
        guard let directory = bot.trackedDrivers else { return .now("Result tracking is not enabled on this server.") }
        return .later {
            let driver = try await directory.track(memberID: member, in: guild, leagueID: nil)
            return "Tracking iRacing member \(member)\(driver.displayName.map { " (\($0))" } ?? "")."
        }
    }

    func untrack() -> CommandHandler.Answer {
        guard let member = memberID else { return .now("Give an iRacing member id (a positive number).") }
        guard let directory = bot.trackedDrivers else { return .now("Result tracking is not enabled on this server.") }
        return .later {
            try await directory.untrack(memberID: member, in: guild)
                ? "No longer tracking iRacing member \(member)." : "iRacing member \(member) was not tracked."
        }
    }

    func list() -> CommandHandler.Answer {
        guard let directory = bot.trackedDrivers else { return .now("Result tracking is not enabled on this server.") }
        return .later {
            let drivers = try await directory.trackedDrivers(in: guild).sorted { $0.memberID < $1.memberID }
            guard !drivers.isEmpty else { return "No iRacing members are tracked. Add one with /track." }
            let lines = drivers.map { "• \($0.memberID)\($0.displayName.map { " – \(FeedFormatter.escape($0))" } ?? "")" }
            return MessageSplitter.chunk(lines: ["Tracked iRacing members:"] + lines, limit: MessageLimits.content).first ?? ""
        }
    }

    func lastRace() -> CommandHandler.Answer {
        guard let member = memberID else { return .now("Give an iRacing member id (a positive number).") }
        guard let archive = bot.results else { return .now("Results are not enabled on this server.") }
        let repository = bot.repository
        return .later {
            guard let post = try await archive.latestResult(memberID: member, in: guild),
                let entry = post.entries.first(where: { $0.memberID == member })
            else { return "No stored result for iRacing member \(member)." }
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
            guard let channel = interaction.string("channel"), UInt64(channel) != nil else { return .now("Choose a channel.") }
            if let refusal = try await linking.refusalUnlessLinked(driver) { return refusal }
            try await bot.repository.follow(DiscordFollow(guildID: guildKey, driverName: driver, channelID: channel))
            return .now("Following \(FeedFormatter.escape(driver)): laps and important cues go to <#\(channel)>.")
        case "unfollow":
            let removed = try await bot.repository.unfollow(guildID: guildKey, driverName: driver)
            return .now(removed ? "Stopped following \(FeedFormatter.escape(driver))." : "\(FeedFormatter.escape(driver)) was not followed here.")
        case "report":
            if let refusal = try await linking.refusalUnlessLinked(driver) { return refusal }
            return report(driver: driver)
        default:
            return .now("Use /coach link, /coach unlink, /coach follow, /coach unfollow or /coach report.")
        }
    }

    private func report(driver: String) -> CommandHandler.Answer {
        guard let reports = bot.reports else { return .now("Coaching reports are not enabled on this server.") }
        let byDM = interaction.arguments.first { $0.name == "dm" }?.value == .boolean(true)
        let user = interaction.member?.user?.id
        let bot = bot
        return .later {
            guard let report = try await reports.lastSessionReport(driverName: driver) else {
                return "No session stored for \(FeedFormatter.escape(driver))."
            }
            let text = CoachingReportFormatter.text(report)
            guard byDM, let user else { return text }
            try await bot.sendDirectMessage(to: user, text)
            return "Report sent to you by DM."
        }
    }

    private var memberID: Int? {
        guard let value = interaction.integer("member"), value > 0, value <= Int64(Int32.max) else { return nil }
        return Int(value)
    }
}
