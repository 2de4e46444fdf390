/// Which driver a Discord account signs in as (Storage's `discord_sign_in_users`, found through
/// the bot's `/coach link` or linked by a signed-in browser).
public protocol DiscordSignInDirectory: Sendable {
    func driver(forDiscordUser userID: String) async throws -> DiscordSignInDriver
    /// Links the account to the driver; an account already linked to another driver stays so.
    func link(discordUser userID: String, driverID: Int64) async throws -> Bool
}

/// Who a Discord account is here.
public enum DiscordSignInDriver: Sendable, Equatable {
    case driver(id: Int64)
    /// It opted several drivers in through the bot: which one is not guessed.
    case ambiguous
    case unknown
}
