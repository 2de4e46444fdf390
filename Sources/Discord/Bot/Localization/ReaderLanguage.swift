import Foundation
import Storage

/// The one place that decides which language a command's reply is written in, for the bot's own
/// commands and the team tools alike: the language the command names, else the member's own for
/// the event it names (chosen at `/event signup`), else the guild's (`/team language`). Outside
/// a server there is no guild: the user's Discord client language (`locale`) decides.
enum ReaderLanguage {
    static func of(
        _ interaction: Interaction, guildID: String, userID: String, guildLanguage: () async throws -> GuildLanguage,
        team: TeamRepository?
    ) async throws -> GuildLanguage {
        if let chosen = interaction.string("language").flatMap(GuildLanguage.init(rawValue:)) { return chosen }
        if let team, let event = interaction.integer("event"), event > 0, event <= 1_000_000,
            let code = try await team.registration(guildID: guildID, eventID: Int(event), userID: userID)?.language,
            let language = GuildLanguage(rawValue: code)
        {
            return language
        }
        return try await guildLanguage()
    }

    /// A Discord locale ("tr", "en-US") as one of the bot's languages; English for any other.
    static func of(locale: String?) -> GuildLanguage {
        locale?.lowercased().hasPrefix("tr") == true ? .turkish : .english
    }
}
