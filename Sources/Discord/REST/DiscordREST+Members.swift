import Foundation

/// A guild member's Discord roles and whether they may manage the guild, read from REST for the
/// web pages (which have no interaction carrying them).
public struct GuildMemberRoles: Sendable, Hashable {
    public var roles: [String]
    public var canManageGuild: Bool
}

extension DiscordREST {
    /// The member's roles and Manage Server, worked out as Discord does for a member's base
    /// permissions: the guild's owner has all; else the `@everyone` role's permissions (its id
    /// is the guild's) and those of each of their roles, Administrator implying every other.
    /// nil when the user is not a member (10007 Unknown Member, or 10013 Unknown User).
    func guildMemberRoles(guild: String, user: String) async throws -> GuildMemberRoles? {
        struct Member: Decodable { var roles: [String] }
        struct Guild: Decodable {
            struct Role: Decodable { var id: String, permissions: String }
            var owner_id: String
            var roles: [Role]
        }
        let member: Member
        do {
            member = try JSONDecoder().decode(Member.self, from: try await send(.guildMember(guild: guild, user: user)).body)
        } catch DiscordError.http(status: 404, code: let code, route: _) where code == 10007 || code == 10013 {
            return nil
        } catch is DecodingError {
            throw DiscordError.malformedPayload("guild member without roles")
        }
        guard let server = try? JSONDecoder().decode(Guild.self, from: try await send(.guild(guild)).body) else {
            throw DiscordError.malformedPayload("guild without owner or roles")
        }
        let held = Set(member.roles + [guild])
        let bits = server.roles.filter { held.contains($0.id) }.reduce(UInt64(0)) { $0 | (UInt64($1.permissions) ?? 0) }
        let manage = server.owner_id == user || bits & (Interaction.manageGuildPermission | Interaction.administratorPermission) != 0
        return GuildMemberRoles(roles: member.roles, canManageGuild: manage)
    }
}
