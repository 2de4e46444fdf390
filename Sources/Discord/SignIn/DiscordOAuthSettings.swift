import Foundation

/// The web pages' Discord application: its id, its secret (never printed) and where Discord is.
public struct DiscordOAuthSettings: Sendable, CustomStringConvertible {
    public var clientID: String
    let clientSecret: String
    /// The page Discord shows the user, e.g. `https://discord.com/oauth2/authorize`.
    public var authorizeURL: String
    /// The API the token and `users/@me` requests go to, e.g. `https://discord.com/api/v10`.
    public var apiBaseURL: String
    public var requestTimeoutSeconds: Double
    /// Larger answers from Discord are refused (`bad_response`) before they are parsed.
    public var maxResponseBytes: Int

    public init(
        clientID: String, clientSecret: String, authorizeURL: String, apiBaseURL: String, requestTimeoutSeconds: Double,
        maxResponseBytes: Int
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret.trimmingCharacters(in: .whitespacesAndNewlines)
        self.authorizeURL = authorizeURL
        self.apiBaseURL = apiBaseURL.hasSuffix("/") ? String(apiBaseURL.dropLast()) : apiBaseURL
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.maxResponseBytes = maxResponseBytes
    }

    public var description: String { "DiscordOAuthSettings(clientID: \(clientID), clientSecret: <redacted>, api: \(apiBaseURL))" }

    /// The environment variable holding the client secret, read before `client_secret_file`.
    public static let secretEnvironmentVariable = "TRAILBRAKE_DISCORD_SIGN_IN_CLIENT_SECRET"

    /// The client secret from the environment, else the first line of `file`; nil when neither has one.
    public static func loadSecret(environment: [String: String], file: String) -> String? {
        if let text = environment[secretEnvironmentVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            return text
        }
        guard !file.isEmpty, let text = try? String(contentsOfFile: file, encoding: .utf8),
            let line = text.split(whereSeparator: \.isNewline).first?.trimmingCharacters(in: .whitespaces), !line.isEmpty
        else { return nil }
        return line
    }
}
