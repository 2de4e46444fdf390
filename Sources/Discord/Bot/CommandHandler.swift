import Foundation
import Integration
import Logging

/// Answers one slash command. Quick ones (settings stored in SQLite) answer at once (type 4);
/// ones that wait on other services defer (type 5) within Discord's 3 s and then edit the
/// original response.
struct CommandHandler {
    let bot: DiscordBot

    /// A command's answer: immediate text, or work done after deferring.
    enum Answer {
        case now(String)
        case later(@Sendable () async throws -> String)
    }

    func handle(_ interaction: Interaction) async {
        if let league = bot.league, LeagueCommandHandler.handles(interaction) {
            return await LeagueCommandHandler(bot: bot, league: league).handle(interaction)
        }
        if let team = bot.team, TeamCommandHandler.handles(interaction) {
            return await TeamCommandHandler(bot: bot, team: team).handle(interaction)
        }
        var strings = BotStrings(language: ReaderLanguage.of(locale: interaction.locale))
        let answer: Answer
        do {
            strings = try await self.strings(for: interaction)
            answer = try await makeAnswer(for: interaction, strings)
        } catch {
            answer = .now(strings(.failed, ["code": Self.code(of: error)]))
        }
        do {
            switch answer {
            case .now(let text):
                try await bot.rest.respond(toInteraction: interaction.id, token: interaction.token, .message(text))
            case .later(let work):
                try await bot.rest.respond(toInteraction: interaction.id, token: interaction.token, .deferred())
                let text: String
                do { text = try await work() } catch { text = strings(.failed, ["code": Self.code(of: error)]) }
                guard let application = await bot.state.applicationID ?? interaction.applicationID else {
                    throw DiscordError.invalidConfiguration("application id unknown")
                }
                try await bot.rest.editOriginalResponse(
                    application: application, token: interaction.token,
                    MessagePayload(content: ResultEmbeds.truncate(text, MessageLimits.content)))
            }
        } catch {
            bot.logger.warning("answering a command failed", metadata: ["command": "\(interaction.data?.name ?? "?")", "error": "\(error)"])
        }
    }

    /// The reader's sentences: in a server the language `ReaderLanguage` picks (the guild's unless
    /// the member chose one), outside one the user's Discord language.
    private func strings(for interaction: Interaction) async throws -> BotStrings {
        guard let guildID = interaction.guildID, GuildID(guildID) != nil, let userID = interaction.member?.user?.id else {
            return BotStrings(language: ReaderLanguage.of(locale: interaction.locale))
        }
        let repository = bot.repository
        let language = try await ReaderLanguage.of(
            interaction, guildID: guildID, userID: userID, guildLanguage: { try await repository.settings(guildID: guildID).language },
            team: bot.team?.repository)
        return BotStrings(language: language)
    }

    private func makeAnswer(for interaction: Interaction, _ strings: BotStrings) async throws -> Answer {
        guard let name = interaction.data?.name, let guildText = interaction.guildID, let guild = GuildID(guildText) else {
            return .now(strings(.notInServer))
        }
        let commands = GuildCommands(bot: bot, guild: guild, interaction: interaction, strings: strings)
        if commands.needsManageServer(name), !interaction.memberCanManageGuild {
            return .now(strings(.needsManageServer, ["command": name]))
        }
        switch name {
        case "setchannel": return try await commands.setChannel()
        case "settz": return try await commands.setTimeZone()
        case "track": return commands.track()
        case "untrack": return commands.untrack()
        case "list": return commands.list()
        case "lastrace": return commands.lastRace()
        case "coach": return try await commands.coach()
        default: return .now(strings(.unknownCommand, ["command": FeedFormatter.escape(String(name.prefix(32)))]))
        }
    }

    static func code(of error: any Error) -> String {
        (error as? DiscordError)?.code ?? "internal_error"
    }
}
