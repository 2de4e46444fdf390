import Foundation

extension ServerConfiguration {
    /// `[discord_sign_in]`: "Sign in with Discord" on the web pages (docs/web.md, "Sign-in").
    /// Independent of the bot (`[discord]`); the client secret is never set here.
    public struct DiscordSignIn: Sendable, Equatable {
        public var enabled = false
        /// The Discord application's client id (Developer Portal, OAuth2).
        public var clientID = ""
        /// A file whose first line is the client secret, read when
        /// `TRAILBRAKE_DISCORD_SIGN_IN_CLIENT_SECRET` is unset.
        public var clientSecretFile = ""
        /// Discord's authorization page and API; change only to test against a fake.
        public var authorizeURL = "https://discord.com/oauth2/authorize"
        public var apiBaseURL = "https://discord.com/api/v10"
        /// A sign-in started must come back from Discord within this many minutes.
        public var pendingMinutes = 10.0
        /// Sign-ins waiting for Discord at once, server-wide; one more pushes out the oldest.
        public var maxPending = 1_000
        /// Each request to Discord (the token, `users/@me`) must answer within this.
        public var requestTimeoutSeconds = 10.0
        /// Larger answers from Discord are refused before they are parsed.
        public var maxResponseBytes = 65_536
    }

    /// Checks what a key's type and range cannot: the client id and the URLs' shape.
    package func validateDiscordSignIn() throws {
        guard discordSignIn.enabled else { return }
        let id = discordSignIn.clientID
        guard !id.isEmpty, id.utf8.count <= 20, id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw ConfigurationError.invalidValue(key: "discord_sign_in.client_id", reason: "must be the application's numeric id")
        }
        for (key, url) in [("authorize_url", discordSignIn.authorizeURL), ("api_base_url", discordSignIn.apiBaseURL)]
        where !Self.isHTTPAddress(url) {
            throw ConfigurationError.invalidValue(key: "discord_sign_in.\(key)", reason: "must be an http:// or https:// URL")
        }
    }
}

extension ServerConfiguration {
    /// `http(s)://host[:port][/path]`, with no credentials, query or fragment.
    package static func isHTTPAddress(_ text: String) -> Bool {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parts.host, !host.isEmpty
        else { return false }
        return parts.user == nil && parts.password == nil && parts.query == nil && parts.fragment == nil
    }
}

extension ConfigurationKey {
    package static let discordSignIn: [ConfigurationKey] = [
        .boolean("discord_sign_in", "enabled", \.discordSignIn.enabled),
        .string("discord_sign_in", "client_id", \.discordSignIn.clientID),
        .string("discord_sign_in", "client_secret_file", \.discordSignIn.clientSecretFile),
        .string("discord_sign_in", "authorize_url", \.discordSignIn.authorizeURL),
        .string("discord_sign_in", "api_base_url", \.discordSignIn.apiBaseURL),
        // Discord's own authorization codes live about 10 minutes; a day is never needed.
        .float("discord_sign_in", "pending_minutes", \.discordSignIn.pendingMinutes, range: 1...60),
        .integer("discord_sign_in", "max_pending", \.discordSignIn.maxPending, range: 1...1_000_000),
        .float("discord_sign_in", "request_timeout_seconds", \.discordSignIn.requestTimeoutSeconds, range: 0.1...120),
        // A token answer and a user object are under 2 KB.
        .integer("discord_sign_in", "max_response_bytes", \.discordSignIn.maxResponseBytes, range: 4_096...1_048_576),
    ]
}
