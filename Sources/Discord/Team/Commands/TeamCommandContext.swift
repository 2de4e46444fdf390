import Foundation
import Storage

/// Everything one team command needs: who asks, in which guild, their team role (worked out
/// from their Discord roles at this interaction) and their language.
struct TeamCommandContext: Sendable {
    let bot: DiscordBot
    let team: TeamFeature
    let interaction: Interaction
    let guildID: String
    let userID: String
    let role: TeamRole
    let strings: TeamStrings

    var repository: TeamRepository { team.repository }
    var configuration: TeamConfiguration { team.configuration }

    func answer(_ key: TeamText, _ values: KeyValuePairs<String, String> = [:]) -> LeagueReply {
        .now(LeagueAnswer(strings(key, values)))
    }

    /// A number option (type 10).
    func number(_ name: String) -> Double? {
        switch interaction.arguments.first(where: { $0.name == name })?.value {
        case .number(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    func flag(_ name: String) -> Bool {
        interaction.arguments.first { $0.name == name }?.value == .boolean(true)
    }

    /// A typed text option, trimmed.
    func text(_ name: String) -> String {
        interaction.string(name)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// The event the command names.
    /// - Throws: `TeamRefusal` with the reply saying there is none (the handler sends it).
    func event() async throws -> TeamEventRecord {
        guard let id = interaction.integer("event"), id > 0, id <= 1_000_000,
            let event = try await repository.event(guildID: guildID, eventID: Int(id))
        else {
            throw TeamRefusal(answer(.noSuchEvent, ["event": String(interaction.integer("event") ?? 0)]))
        }
        return event
    }

    /// Deferred work whose failure becomes the reader's "something went wrong" (or the limit).
    func later(_ work: @escaping @Sendable () async throws -> LeagueAnswer) -> LeagueReply {
        let strings = strings
        return .later {
            do { return try await work() } catch { return LeagueAnswer(TeamCommandHandler.failure(error, strings)) }
        }
    }
}

/// A reply that ends a command early.
struct TeamRefusal: Error {
    let reply: LeagueReply
    init(_ reply: LeagueReply) { self.reply = reply }
}
