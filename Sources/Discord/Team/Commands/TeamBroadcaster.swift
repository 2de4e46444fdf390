import Foundation
import Storage

/// Queues a broadcast the same way for `/event broadcast`, `/team broadcast` and the event page
/// (docs/team.md, "Broadcasts"): the text cleaned and bounded, one DM per person keyed per
/// broadcast, headed in each driver's language, the per-day limit and the audit entry in one
/// transaction, then the DM worker woken.
struct TeamBroadcaster {
    let team: TeamFeature
    let directMessages: DirectMessageWorker

    /// The admin's text: control characters (but line breaks) removed, within the configured length.
    static func clean(_ raw: String, maxLength: Int) -> String? {
        let cleaned = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0 == "\n" || !CharacterSet.controlCharacters.contains($0) }))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleaned.isEmpty, cleaned.count <= maxLength else { return nil }
        return cleaned
    }

    /// An event's drivers, or the signed-up members of one car's crew (every driver when the crew is empty).
    static func recipients(of car: TeamCarRecord?, registrations: [TeamRegistration]) -> [String] {
        guard let car, !car.crew.isEmpty else { return registrations.map(\.userID) }
        let signedUp = Set(registrations.map(\.userID))
        return car.crew.filter(signedUp.contains)
    }

    /// The language each driver chose at sign-up, when they chose one.
    static func languages(_ registrations: [TeamRegistration]) -> [String: GuildLanguage] {
        Dictionary(
            registrations.compactMap { registration in registration.language.flatMap(GuildLanguage.init(rawValue:)).map { (registration.userID, $0) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// Queues `text` for `recipients`; nil when there is nobody to send it to.
    /// - Throws: `StorageError.limitReached("broadcasts_per_day")` past the daily bound.
    func send(
        _ text: String, to recipients: [String], audience: String, languages: [String: GuildLanguage] = [:], guildID: String,
        senderID: String
    ) async throws -> (id: Int, queued: Int)? {
        guard !recipients.isEmpty else { return nil }
        // The header in the guild's language, or the one a driver chose at sign-up; the admin's text as written.
        let guildLanguage = try await team.repository.language(guildID: guildID)
        func dm(_ language: GuildLanguage) -> String {
            TeamStrings(language: language)(.broadcastMessage, ["admin": LeagueFormat.user(senderID), "text": text])
        }
        let personal = languages.filter { $0.value != guildLanguage }.mapValues(dm)
        let result = try await team.repository.broadcast(
            guildID: guildID, audience: audience, recipients: recipients, actorID: senderID,
            perDay: team.configuration.maxBroadcastsPerDay, content: dm(guildLanguage), personal: personal)
        directMessages.wake()
        return result
    }
}
