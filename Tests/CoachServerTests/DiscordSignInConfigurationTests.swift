@testable import ServerSettings
import Testing

@testable import CoachServer

/// `[discord_sign_in]`: off by default with Discord's addresses, limits refused just outside
/// their ranges, and an enabled section needs a numeric client id and http(s) addresses.
@Suite struct DiscordSignInConfigurationTests {
    static func load(_ keys: [String: ConfigurationValue], environment: [String: String] = [:]) throws -> ServerConfiguration {
        try ServerConfiguration.load(file: keys.isEmpty ? [:] : ["discord_sign_in": keys], environment: environment)
    }

    @Test func defaultsAreTheDocumentedOnes() throws {
        let settings = try Self.load([:]).discordSignIn
        #expect(!settings.enabled && settings.clientID.isEmpty && settings.clientSecretFile.isEmpty)
        #expect(settings.authorizeURL == "https://discord.com/oauth2/authorize" && settings.apiBaseURL == "https://discord.com/api/v10")
        #expect(settings.pendingMinutes == 10 && settings.maxPending == 1_000)
        #expect(settings.requestTimeoutSeconds == 10 && settings.maxResponseBytes == 65_536)
    }

    @Test func limitsAreCheckedAtTheirEdges() throws {
        let edges: [(String, ConfigurationValue, ConfigurationValue)] = [
            ("pending_minutes", .float(1), .float(0.99)), ("pending_minutes", .float(60), .float(60.5)),
            ("max_pending", .integer(1), .integer(0)), ("max_pending", .integer(1_000_000), .integer(1_000_001)),
            ("request_timeout_seconds", .float(0.1), .float(0.09)), ("request_timeout_seconds", .float(120), .float(121)),
            ("max_response_bytes", .integer(4_096), .integer(4_095)), ("max_response_bytes", .integer(1_048_576), .integer(1_048_577)),
        ]
        for (key, accepted, refused) in edges {
            #expect(throws: Never.self, "\(key) = \(accepted)") { try Self.load([key: accepted]) }
            #expect(throws: ConfigurationError.self, "\(key) = \(refused)") { try Self.load([key: refused]) }
        }
        let fromEnvironment = try Self.load([:], environment: ["TRAILBRAKE_DISCORD_SIGN_IN_MAX_PENDING": "5"])
        #expect(fromEnvironment.discordSignIn.maxPending == 5)
    }

    @Test func anEnabledSectionNeedsAClientIdAndHTTPAddresses() throws {
        #expect(throws: ConfigurationError.self) { try Self.load(["enabled": .boolean(true)]) }
        #expect(throws: ConfigurationError.self) { try Self.load(["enabled": .boolean(true), "client_id": .string("my-app")]) }
        let good: [String: ConfigurationValue] = ["enabled": .boolean(true), "client_id": .string("1234567890")]
        #expect(throws: Never.self) { try Self.load(good) }
        for bad in ["ftp://discord.com/api", "discord.com/api", "https://discord.com/api?x=1", "https://user@discord.com/api"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { try Self.load(good.merging(["api_base_url": .string(bad)]) { $1 }) }
            #expect(throws: ConfigurationError.self, "\(bad)") { try Self.load(good.merging(["authorize_url": .string(bad)]) { $1 }) }
        }
    }
}
