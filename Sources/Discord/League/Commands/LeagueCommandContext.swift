import Foundation
import Integration
import Storage

/// Everything one league command needs: who asks, in which guild, its settings and language.
struct LeagueCommandContext: Sendable {
    let bot: DiscordBot
    let league: LeagueFeature
    let interaction: Interaction
    let guildID: String
    let userID: String
    /// Nil before `/setup`.
    let settings: LeagueSettings?
    let strings: LeagueStrings

    var repository: LeagueRepository { league.repository }
    /// The member's Discord username as stored with a claim (for exports): cleaned and capped.
    var userName: String? {
        interaction.member?.user?.username.map { LeagueRosterCleaning.name($0, fallback: "") }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Manage Server or Administrator, from the interaction's permission bit set.
    var canManageGuild: Bool { interaction.memberCanManageGuild }

    /// A league admin: Manage Server, or the admin role set in `/setup`.
    var isAdmin: Bool {
        if canManageGuild { return true }
        guard let role = settings?.adminRoleID else { return false }
        return interaction.member?.roles?.contains(role) == true
    }

    func answer(_ key: LeagueText, _ values: KeyValuePairs<String, String> = [:]) -> LeagueReply {
        .now(LeagueAnswer(strings(key, values)))
    }

    /// An announcement for the guild's channel, or nil when it has none. Its nonce comes from
    /// the interaction, so a retried post of it appears once.
    func announcement(_ text: String) -> LeagueAnnouncementQueue.Announcement? {
        guard let channel = settings?.announceChannelID else { return nil }
        return .init(channelID: channel, text: text, nonce: ResultNonce.make(postKey: "league:\(guildID):\(interaction.id)", part: 0))
    }

    /// Deferred work whose failure becomes the guild's "something went wrong" reply.
    func later(_ work: @escaping @Sendable () async throws -> LeagueAnswer) -> LeagueReply {
        let strings = strings
        return .later {
            do { return try await work() } catch { return LeagueAnswer(strings(.failed, ["code": LeagueCommandHandler.code(of: error)])) }
        }
    }
}
