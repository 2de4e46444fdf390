import Foundation
import Integration
import Storage

/// The bot's side of the team event pages (Integration's `TeamWebDesk`): a member's team role
/// from their guild member record fetched over REST (cached `web_role_seconds`, refetched for a
/// form) through `TeamRoleRule`, the rule the commands use, the change stored and audited as
/// at an interaction; and broadcasts through `TeamBroadcaster`, as `/event broadcast` and
/// `/team broadcast` send them.
public struct TeamWebDeskService: TeamWebDesk {
    let rest: DiscordREST
    let team: TeamFeature
    let directMessages: DirectMessageWorker
    let cache: MemberRoleCache

    public var maxBroadcastLength: Int { team.configuration.maxBroadcastLength }

    public func teamRole(guildID: String, userID: String, fresh: Bool) async throws -> String {
        let now = team.clock.now()
        let member: GuildMemberRoles?
        if !fresh, let cached = await cache.member(guild: guildID, user: userID, now: now) {
            member = cached
        } else {
            member = try await rest.guildMemberRoles(guild: guildID, user: userID)
            await cache.store(member, guild: guildID, user: userID, now: now)
        }
        guard let member else { return TeamRole.guest.rawValue }
        let role = TeamRoleRule.role(
            discordRoles: member.roles, canManageGuild: member.canManageGuild, map: try await team.repository.roleMap(guildID: guildID))
        _ = try await team.repository.observe(guildID: guildID, userID: userID, role: role, at: now)
        return role.rawValue
    }

    public func broadcast(_ request: TeamWebBroadcast) async throws -> TeamWebBroadcast.Outcome {
        guard let text = TeamBroadcaster.clean(request.message, maxLength: maxBroadcastLength) else { return .invalidMessage }
        let repository = team.repository
        guard let event = try await repository.event(guildID: request.guildID, eventID: request.eventID) else { return .nobody }
        let strings = TeamStrings(language: GuildLanguage(rawValue: request.language) ?? .english)
        let recipients: [String], audience: String
        var languages: [String: GuildLanguage] = [:]
        switch request.audience {
        case .drivers, .car:
            let registrations = try await repository.registrations(guildID: request.guildID, eventID: request.eventID)
            languages = TeamBroadcaster.languages(registrations)
            if case .car(let id) = request.audience {
                guard let car = event.cars.first(where: { $0.carID == id }) else { return .nobody }
                recipients = TeamBroadcaster.recipients(of: car, registrations: registrations)
                audience = strings(.audienceCrew, ["car": LeagueFormat.name(car.name), "name": LeagueFormat.name(event.name)])
            } else {
                recipients = TeamBroadcaster.recipients(of: nil, registrations: registrations)
                audience = strings(.audienceDrivers, ["name": LeagueFormat.name(event.name)])
            }
        case .role(let name):
            guard let role = TeamRole(rawValue: name) else { return .nobody }
            recipients = try await repository.members(guildID: request.guildID, atLeast: role)
            audience = strings(.audienceRole, ["role": strings.role(role)])
        }
        do {
            let broadcaster = TeamBroadcaster(team: team, directMessages: directMessages)
            guard let result = try await broadcaster.send(
                text, to: recipients, audience: audience, languages: languages, guildID: request.guildID, senderID: request.senderID)
            else { return .nobody }
            return .queued(id: result.id, recipients: result.queued)
        } catch StorageError.limitReached {
            return .limitReached
        }
    }
}

extension DiscordBot {
    /// The desk the team event pages use, on this bot's REST client and DM queue; nil without `[team]`.
    public func teamWebDesk() -> TeamWebDeskService? {
        team.map { team in
            TeamWebDeskService(
                rest: rest, team: team, directMessages: directMessages,
                cache: MemberRoleCache(lifetime: TimeInterval(team.configuration.webRoleSeconds)))
        }
    }
}
