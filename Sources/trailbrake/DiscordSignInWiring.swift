import CoachServer
import Discord
import Foundation
import ServerSettings
import Storage

/// "Sign in with Discord" for the web pages, when `[discord_sign_in]` is enabled: the OAuth
/// client (Discord target) and the accounts directory (Storage) behind the server's seams.
enum DiscordSignInWiring {
    static func wire(
        _ configuration: ServerConfiguration, database: TrailbrakeDatabase, into dependencies: inout CoachServerDependencies,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let settings = configuration.discordSignIn
        guard settings.enabled else { return }
        guard let secret = DiscordOAuthSettings.loadSecret(environment: environment, file: settings.clientSecretFile) else {
            throw commandFailure(
                "discord_sign_in_secret",
                "discord_sign_in is enabled but has no client secret: set \(DiscordOAuthSettings.secretEnvironmentVariable) "
                    + "or discord_sign_in.client_secret_file")
        }
        dependencies.discordSignIn = DiscordOAuthClient(settings: DiscordOAuthSettings(
            clientID: settings.clientID, clientSecret: secret, authorizeURL: settings.authorizeURL, apiBaseURL: settings.apiBaseURL,
            requestTimeoutSeconds: settings.requestTimeoutSeconds, maxResponseBytes: settings.maxResponseBytes))
        dependencies.discordUsers = StorageBackedBrowserSessions(database: database)
    }
}
