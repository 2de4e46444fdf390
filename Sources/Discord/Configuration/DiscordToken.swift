import Foundation

/// The bot token. Its description is redacted, so interpolating it into a log line or an error
/// never leaks it; only `authorizationHeader` and the gateway Identify/Resume read the value.
public struct DiscordToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    let value: String

    public init(_ value: String) {
        self.value = value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }

    /// `Bot <token>`, the REST `Authorization` header.
    var authorizationHeader: String { "Bot \(value)" }

    /// The environment variable read first.
    public static let environmentVariable = "TRAILBRAKE_DISCORD_TOKEN"

    /// Reads `TRAILBRAKE_DISCORD_TOKEN`, else the first line of `tokenFile`.
    /// - Throws: `DiscordError.missingToken` when neither holds a token.
    public static func load(environment: [String: String], tokenFile: String?) throws -> DiscordToken {
        if let text = environment[environmentVariable], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return DiscordToken(text)
        }
        guard let tokenFile, !tokenFile.isEmpty else {
            throw DiscordError.missingToken("set \(environmentVariable) or discord.token_file")
        }
        guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8),
            let line = text.split(whereSeparator: \.isNewline).first, !line.isEmpty
        else { throw DiscordError.missingToken("the token file \(tokenFile) is missing or empty") }
        return DiscordToken(String(line))
    }
}
