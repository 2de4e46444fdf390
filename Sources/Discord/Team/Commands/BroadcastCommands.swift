import Foundation
import Storage

/// Admins' messages by DM: `/event broadcast` (an event's drivers, or one car's crew) and
/// `/team broadcast` (the members with a team role or above), and `/team broadcast-status`
/// (delivered, waiting, and who closed their DMs). Every DM goes through the persistent DM
/// queue, keyed per broadcast and person: once each, retried, paced by the REST client's
/// rate limits, resumed after a restart.
struct BroadcastCommands {
    let context: TeamCommandContext

    func eventBroadcast() async throws -> LeagueReply {
        let event = try await context.event()
        guard let text = message() else { return invalid() }
        let registrations = try await context.repository.registrations(guildID: context.guildID, eventID: event.eventID)
        let strings = context.strings
        let car = context.interaction.integer("car") != nil ? try context.car(of: event) : nil
        let audience = car.map { strings(.audienceCrew, ["car": LeagueFormat.name($0.name), "name": LeagueFormat.name(event.name)]) }
            ?? strings(.audienceDrivers, ["name": LeagueFormat.name(event.name)])
        return try await send(
            text, to: TeamBroadcaster.recipients(of: car, registrations: registrations), audience: audience,
            languages: TeamBroadcaster.languages(registrations))
    }

    func teamBroadcast() async throws -> LeagueReply {
        guard let text = message() else { return invalid() }
        let role = context.interaction.string("role").flatMap(TeamRole.init(rawValue:)) ?? .member
        let members = try await context.repository.members(guildID: context.guildID, atLeast: role)
        return try await send(text, to: members, audience: context.strings(.audienceRole, ["role": context.strings.role(role)]))
    }

    func status() async throws -> LeagueReply {
        let id = Int(context.interaction.integer("broadcast") ?? 0)
        guard id > 0, let status = try await context.repository.broadcastStatus(guildID: context.guildID, broadcastID: id) else {
            return context.answer(.broadcastNoSuch, ["id": String(id)])
        }
        var lines = [context.strings(.broadcastStatus, [
            "id": String(id), "audience": status.audience, "sent": String(status.delivered), "waiting": String(status.waiting),
            "closed": String(status.closed.count),
        ])]
        if !status.closed.isEmpty {
            // Mentions never ping (allowed_mentions is empty); cut to stay within one message.
            let users = LeagueFormat.cut(status.closed.map(LeagueFormat.user).joined(separator: ", "), 1_700)
            lines.append(context.strings(.broadcastClosed, ["users": users]))
        }
        return .now(LeagueAnswer(lines.joined(separator: "\n")))
    }

    private func send(
        _ text: String, to recipients: [String], audience: String, languages: [String: GuildLanguage] = [:]
    ) async throws -> LeagueReply {
        let broadcaster = TeamBroadcaster(team: context.team, directMessages: context.bot.directMessages)
        guard let result = try await broadcaster.send(
            text, to: recipients, audience: audience, languages: languages, guildID: context.guildID, senderID: context.userID)
        else { return context.answer(.broadcastNobody, ["audience": audience]) }
        return context.answer(.broadcastQueued, ["id": String(result.id), "count": String(result.queued), "audience": audience])
    }

    private func message() -> String? {
        TeamBroadcaster.clean(context.interaction.string("message") ?? "", maxLength: context.configuration.maxBroadcastLength)
    }

    private func invalid() -> LeagueReply { context.answer(.broadcastInvalid, ["max": String(context.configuration.maxBroadcastLength)]) }
}
