import Foundation
import Integration
import Storage

/// Answers one league-numbers command: reads the guild's settings and language, checks who may
/// run it, runs it and sends the reply (immediate, or deferred and then edited, with a file for
/// `/export`), then queues its announcement for the channel.
struct LeagueCommandHandler {
    let bot: DiscordBot
    let league: LeagueFeature

    /// Whether `interaction` is a league command this handler answers.
    static func handles(_ interaction: Interaction) -> Bool {
        LeagueCommandDefinitions.names.contains(interaction.data?.name ?? "")
    }

    func handle(_ interaction: Interaction) async {
        let reply: LeagueReply
        guard let guildID = interaction.guildID, GuildID(guildID) != nil, let userID = interaction.member?.user?.id else {
            let both = GuildLanguage.allCases.map { LeagueStrings(language: $0)(.notInServer) }.joined(separator: "\n")
            await bot.send(.now(LeagueAnswer(both)), for: interaction)
            return
        }
        // A failure is told in the guild's language when it can be read, else in English.
        var strings = LeagueStrings(language: .english)
        do {
            let settings = try await league.repository.settings(guildID: guildID)
            let language: GuildLanguage
            if let settings { language = settings.language } else { language = try await league.repository.language(guildID: guildID) }
            strings = LeagueStrings(language: language)
            let context = LeagueCommandContext(
                bot: bot, league: league, interaction: interaction, guildID: guildID, userID: userID, settings: settings, strings: strings)
            reply = try await route(context)
        } catch {
            reply = .now(LeagueAnswer(strings(.failed, ["code": Self.code(of: error)])))
        }
        // The channel hears about a change only once the member has their answer.
        if let item = await bot.send(reply, for: interaction)?.announcement { league.announcements.offer(item) }
    }

    private func route(_ context: LeagueCommandContext) async throws -> LeagueReply {
        let name = context.interaction.data?.name ?? ""
        if LeagueCommandDefinitions.adminCommands.contains(name), name != "setup", !context.isAdmin {
            return context.answer(.adminOnly, ["command": name])
        }
        if name == "setup" || (name == "config" && context.interaction.subcommand?.name == "adminrole"), !context.canManageGuild {
            return context.answer(.manageServerOnly, ["command": name])
        }
        if name == "help" { return LeagueHelp.reply(context) }
        guard let settings = context.settings else {
            return name == "setup" ? try await LeagueSetupCommands(context: context).setup() : context.answer(.notSetUp)
        }
        let members = LeagueMemberCommands(context: context, settings: settings)
        let admins = LeagueAdminCommands(context: context, settings: settings)
        switch name {
        case "claim": return try await members.claim()
        case "release": return try await members.release()
        case "mynumbers": return try await members.myNumbers()
        case "check": return try await members.check()
        case "available": return try await members.available()
        case "link": return try await LeagueLinkCommand(context: context, settings: settings).link()
        case "roster": return try await LeagueRosterCommand(context: context, settings: settings).roster()
        case "setup": return try await LeagueSetupCommands(context: context).setup()
        case "config": return try await LeagueSetupCommands(context: context).config(settings)
        case "forcerelease": return try await admins.forceRelease()
        case "assign": return try await admins.assign()
        case "sync": return await admins.sync()
        case "syncstatus": return try await LeagueSyncStatusCommand(context: context, settings: settings).status()
        case "export": return LeagueExportCommand(context: context).export()
        case "auditlog": return LeagueAuditLogCommand(context: context, configuration: league.configuration).auditLog()
        default: return context.answer(.unknownCommand, ["command": LeagueFormat.name(name, limit: 32)])
        }
    }

    static func fitted(_ text: String) -> String { LeagueFormat.cut(text, MessageLimits.content) }

    static func code(of error: any Error) -> String {
        (error as? StorageError)?.code ?? (error as? DiscordError)?.code ?? "internal_error"
    }
}
