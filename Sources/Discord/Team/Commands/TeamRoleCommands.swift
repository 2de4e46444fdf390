import Foundation
import Storage

/// `/team roles` (show, or map a Discord role to a team role) and `/team language`.
struct TeamRoleCommands {
    let context: TeamCommandContext

    func roles() async throws -> LeagueReply {
        let strings = context.strings
        let roleID = context.interaction.string("role")
        let level = context.interaction.string("level")
        guard roleID != nil || level != nil else {
            let map = try await context.repository.roleMap(guildID: context.guildID)
            var lines = [strings(.rolesYours, ["level": strings.role(context.role)])]
            if map.isEmpty {
                lines.append(strings(.rolesNone))
            } else {
                lines.append(strings(.rolesHeader))
                for (role, team) in map.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                    lines.append(strings(.rolesLine, ["role": LeagueFormat.role(role), "level": strings.role(team)]))
                }
            }
            return .now(LeagueAnswer(lines.joined(separator: "\n")))
        }
        guard let roleID, let level, UInt64(roleID) != nil, level == "none" || TeamRole(rawValue: level) != nil else {
            return context.answer(.roleIncomplete)
        }
        if roleID == context.guildID { return context.answer(.roleEveryone) }
        let role = TeamRole(rawValue: level)
        let changed = try await context.repository.mapRole(guildID: context.guildID, roleID: roleID, to: role, actorID: context.userID)
        guard changed else { return context.answer(.roleUnchanged) }
        guard let role else { return context.answer(.roleUnmapped, ["role": LeagueFormat.role(roleID)]) }
        return context.answer(.roleMapped, ["role": LeagueFormat.role(roleID), "level": strings.role(role)])
    }

    func language() async throws -> LeagueReply {
        guard let language = context.interaction.string("value").flatMap(GuildLanguage.init(rawValue:)) else {
            return context.answer(.roleIncomplete)
        }
        let changed = try await context.repository.setLanguage(language, guildID: context.guildID, actorID: context.userID)
        // Told in the new language.
        return .now(LeagueAnswer(TeamStrings(language: language)(changed ? .languageSet : .languageUnchanged)))
    }
}
