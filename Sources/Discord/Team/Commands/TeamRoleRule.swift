import Storage

/// How a member's team role follows from Discord, for bot commands and the web pages alike
/// (docs/team.md, "Roles"): Manage Server (or Administrator) makes an owner; otherwise the
/// highest team role mapped to one of their Discord roles; no mapped role, a guest.
enum TeamRoleRule {
    static func role(discordRoles: [String], canManageGuild: Bool, map: [String: TeamRole]) -> TeamRole {
        if canManageGuild { return .owner }
        return discordRoles.compactMap { map[$0] }.max() ?? .guest
    }
}
