import Foundation
import Integration
import Storage

/// Answers one team command: works out the member's team role from their Discord roles (so a
/// role given or taken in Discord counts from their next interaction, and the change is
/// audited), picks their language, checks the role the command needs, runs it and replies.
struct TeamCommandHandler {
    let bot: DiscordBot
    let team: TeamFeature

    static func handles(_ interaction: Interaction) -> Bool {
        TeamCommandDefinitions.names.contains(interaction.data?.name ?? "")
    }

    func handle(_ interaction: Interaction) async {
        guard let guildID = interaction.guildID, GuildID(guildID) != nil, let userID = interaction.member?.user?.id else {
            let both = GuildLanguage.allCases.map { TeamStrings(language: $0)(.notInServer) }.joined(separator: "\n")
            await bot.send(.now(LeagueAnswer(both)), for: interaction)
            return
        }
        var strings = TeamStrings(language: .english)
        let reply: LeagueReply
        do {
            let language = try await ReaderLanguage.of(
                interaction, guildID: guildID, userID: userID, guildLanguage: { try await team.repository.language(guildID: guildID) },
                team: team.repository)
            strings = TeamStrings(language: language)
            let role = try await Self.role(of: interaction, map: team.repository.roleMap(guildID: guildID))
            try await team.repository.observe(guildID: guildID, userID: userID, role: role)
            let context = TeamCommandContext(
                bot: bot, team: team, interaction: interaction, guildID: guildID, userID: userID, role: role, strings: strings)
            reply = try await route(context)
        } catch let refusal as TeamRefusal {
            reply = refusal.reply
        } catch {
            reply = .now(LeagueAnswer(Self.failure(error, strings)))
        }
        await bot.send(reply, for: interaction)
    }

    /// The member's team role from the roles and permissions Discord sent with the interaction.
    static func role(of interaction: Interaction, map: [String: TeamRole]) -> TeamRole {
        TeamRoleRule.role(discordRoles: interaction.member?.roles ?? [], canManageGuild: interaction.memberCanManageGuild, map: map)
    }

    /// The role each command needs.
    static func requiredRole(_ command: String, _ subcommand: String) -> TeamRole {
        switch (command, subcommand) {
        case ("team", "help"), ("event", "show"): .guest
        case ("event", "signup"), ("event", "available"): .member
        default: .admin
        }
    }

    private func route(_ context: TeamCommandContext) async throws -> LeagueReply {
        let name = context.interaction.data?.name ?? ""
        let sub = context.interaction.subcommand?.name ?? ""
        let needed = Self.requiredRole(name, sub)
        // `/team roles` with no options only shows the mapping and the member's own role.
        let showsRoles = name == "team" && sub == "roles" && context.interaction.arguments.isEmpty
        if context.role < needed, !showsRoles {
            return context.answer(.needsRole, [
                "command": "\(name) \(LeagueFormat.name(sub, limit: 16))", "role": context.strings.role(needed),
                "yours": context.strings.role(context.role),
            ])
        }
        switch (name, sub) {
        case ("team", "roles"): return try await TeamRoleCommands(context: context).roles()
        case ("team", "language"): return try await TeamRoleCommands(context: context).language()
        case ("team", "help"): return context.answer(.help)
        case ("event", "create"): return try await EventCreateCommand(context: context).create()
        case ("event", "signup"): return try await EventSignupCommand(context: context).signup()
        case ("event", "available"): return try await EventAvailableCommand(context: context).available()
        case ("event", "plan"): return try await EventPlanCommands(context: context).plan()
        case ("event", "publish"): return try await EventPlanCommands(context: context).publish()
        case ("event", "show"): return try await EventShowCommand(context: context).show()
        case ("event", "assign"): return try await EventEditCommands(context: context).assign()
        case ("event", "captain"): return try await EventEditCommands(context: context).captain()
        case ("event", "crew"): return try await EventEditCommands(context: context).crew()
        case ("event", "delete"): return try await EventDeleteCommand(context: context).delete()
        case ("event", "broadcast"): return try await BroadcastCommands(context: context).eventBroadcast()
        case ("team", "broadcast"): return try await BroadcastCommands(context: context).teamBroadcast()
        case ("team", "broadcast-status"): return try await BroadcastCommands(context: context).status()
        default: return context.answer(.unknownCommand, ["command": LeagueFormat.name("\(name) \(sub)", limit: 32)])
        }
    }

    /// A failure in the reader's words: a passed limit is named, anything else gets its code.
    static func failure(_ error: any Error, _ strings: TeamStrings) -> String {
        if case .limitReached(let limit) = error as? StorageError { return strings(.limitReached, ["limit": limit]) }
        return strings(.failed, ["code": LeagueCommandHandler.code(of: error)])
    }
}
