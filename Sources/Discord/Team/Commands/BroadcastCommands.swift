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
        if context.interaction.integer("car") != nil {
            let car = try context.car(of: event)
            let signedUp = Set(registrations.map(\.userID))
            let crew = car.crew.isEmpty ? registrations.map(\.userID) : car.crew.filter(signedUp.contains)
            return try await send(text, to: crew, audience: strings(.audienceCrew, [
                "car": LeagueFormat.name(car.name), "name": LeagueFormat.name(event.name),
            ]), languages: Self.languages(registrations))
        }
        return try await send(
            text, to: registrations.map(\.userID), audience: strings(.audienceDrivers, ["name": LeagueFormat.name(event.name)]),
            languages: Self.languages(registrations))
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

    /// The language each driver chose at sign-up, when they chose one.
    static func languages(_ registrations: [TeamRegistration]) -> [String: GuildLanguage] {
        Dictionary(
            registrations.compactMap { registration in registration.language.flatMap(GuildLanguage.init(rawValue:)).map { (registration.userID, $0) } },
            uniquingKeysWith: { first, _ in first })
    }

    private func send(
        _ text: String, to recipients: [String], audience: String, languages: [String: GuildLanguage] = [:]
    ) async throws -> LeagueReply {
        guard !recipients.isEmpty else { return context.answer(.broadcastNobody, ["audience": audience]) }
        // The header in the guild's language, or the one a driver chose at sign-up; the admin's text as written.
        let guildLanguage = try await context.repository.language(guildID: context.guildID)
        func dm(_ language: GuildLanguage) -> String {
            TeamStrings(language: language)(.broadcastMessage, ["admin": LeagueFormat.user(context.userID), "text": text])
        }
        let personal = languages.filter { $0.value != guildLanguage }.mapValues(dm)
        let result = try await context.repository.broadcast(
            guildID: context.guildID, audience: audience, recipients: recipients, actorID: context.userID,
            perDay: context.configuration.maxBroadcastsPerDay, content: dm(guildLanguage), personal: personal)
        context.bot.directMessages.wake()
        return context.answer(.broadcastQueued, ["id": String(result.id), "count": String(result.queued), "audience": audience])
    }

    /// The admin's text: control characters (but line breaks) removed, within the configured length.
    private func message() -> String? {
        let raw = context.interaction.string("message") ?? ""
        let cleaned = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0 == "\n" || !CharacterSet.controlCharacters.contains($0) }))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleaned.isEmpty, cleaned.count <= context.configuration.maxBroadcastLength else { return nil }
        return cleaned
    }

    private func invalid() -> LeagueReply { context.answer(.broadcastInvalid, ["max": String(context.configuration.maxBroadcastLength)]) }
}
