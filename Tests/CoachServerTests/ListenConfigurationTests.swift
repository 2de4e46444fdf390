import Foundation
@testable import ServerSettings
import Testing

@testable import CoachServer

/// `[listen]`: defaults as documented, every limit refused just outside its range, URLs checked,
/// and the origin and login-link addresses derived from them.
@Suite struct ListenConfigurationTests {
    static func load(_ listen: [String: ConfigurationValue] = [:], environment: [String: String] = [:]) throws -> ServerConfiguration {
        try ServerConfiguration.load(file: listen.isEmpty ? [:] : ["listen": listen], environment: environment)
    }

    @Test func defaultsAreTheDocumentedOnes() throws {
        let listen = try Self.load().listen
        #expect(listen.baseURL.isEmpty && listen.allowedOrigins.isEmpty)
        #expect(listen.loginLinkMinutes == 10 && listen.sessionDays == 30 && listen.maxSessionsPerDriver == 10)
        #expect(listen.maxListenersPerDriver == 4 && listen.queueBytes == 524_288)
        #expect(listen.slowListenerSeconds == 5)
        #expect(listen.pagesSessionsPerPage == 20 && listen.pagesMaxLapsListed == 1_000)
    }

    @Test func limitsAreCheckedAtTheirEdges() throws {
        let edges: [(String, ConfigurationValue, ConfigurationValue)] = [
            ("login_link_minutes", .float(1), .float(0.99)), ("login_link_minutes", .float(1_440), .float(1_440.5)),
            ("session_days", .float(0.01), .float(0.009)), ("session_days", .float(366), .float(367)),
            ("max_sessions_per_driver", .integer(1), .integer(0)), ("max_sessions_per_driver", .integer(1_000), .integer(1_001)),
            ("max_listeners_per_driver", .integer(1), .integer(0)), ("max_listeners_per_driver", .integer(64), .integer(65)),
            ("queue_bytes", .integer(65_536), .integer(65_535)), ("queue_bytes", .integer(67_108_864), .integer(67_108_865)),
            ("slow_listener_seconds", .float(0.5), .float(0.49)), ("slow_listener_seconds", .float(600), .float(601)),
            ("pages_sessions_per_page", .integer(1), .integer(0)), ("pages_sessions_per_page", .integer(200), .integer(201)),
            ("pages_max_laps_listed", .integer(1), .integer(0)), ("pages_max_laps_listed", .integer(100_000), .integer(100_001)),
        ]
        for (key, accepted, refused) in edges {
            #expect(throws: Never.self, "\(key) = \(accepted)") { try Self.load([key: accepted]) }
            #expect(throws: ConfigurationError.self, "\(key) = \(refused)") { try Self.load([key: refused]) }
        }
        #expect(try Self.load(environment: ["TRAILBRAKE_LISTEN_MAX_LISTENERS_PER_DRIVER": "2"]).listen.maxListenersPerDriver == 2)
    }

    @Test func addressesMustBeHTTPOrigins() throws {
        for good in ["http://192.168.1.20:8080", "https://coach.example:8443/", "https://coach.example"] {
            #expect(throws: Never.self, "\(good)") { try Self.load(["base_url": .string(good)]) }
        }
        for bad in ["coach.example", "ftp://coach.example", "https://coach.example/trailbrake", "https://user@coach.example", "null"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { try Self.load(["base_url": .string(bad)]) }
        }
        let origins = try Self.load(["allowed_origins": .string("https://a.example, http://b.example:8080")]).listen.allowedOriginList
        #expect(origins?.map(\.description) == ["https://a.example", "http://b.example:8080"])
        #expect(throws: ConfigurationError.self) { try Self.load(["allowed_origins": .string("https://a.example,*")]) }
    }

    @Test func originsAreComparedBySchemeHostAndPort() throws {
        var configuration = try Self.load(["allowed_origins": .string("https://other.example")])
        let policy = OriginPolicy(configuration: configuration)
        #expect(policy.allows(origin: nil, authority: "127.0.0.1:8080"), "no Origin: not a web page")
        #expect(policy.allows(origin: "http://127.0.0.1:8080", authority: "127.0.0.1:8080"))
        #expect(policy.allows(origin: "http://COACH.local", authority: "coach.local:80"), "default port, any case")
        #expect(policy.allows(origin: "https://other.example", authority: "127.0.0.1:8080"))
        #expect(!policy.allows(origin: "http://127.0.0.1:8081", authority: "127.0.0.1:8080"))
        #expect(!policy.allows(origin: "https://127.0.0.1:8080", authority: "127.0.0.1:8080"), "another scheme")
        #expect(!policy.allows(origin: "http://evil.example", authority: "127.0.0.1:8080"))
        #expect(!policy.allows(origin: "null", authority: "127.0.0.1:8080"))
        #expect(!policy.allows(origin: "http://127.0.0.1:8080", authority: nil))
        configuration.tls.enabled = true
        #expect(OriginPolicy(configuration: configuration).allows(origin: "https://[::1]:8443", authority: "[::1]:8443"))
    }

    @Test func loginLinksStartWithTheAddressBrowsersReach() throws {
        var configuration = try Self.load()
        #expect(LoginLinkAddress.baseURL(for: configuration).url == "http://127.0.0.1:8080")
        #expect(LoginLinkAddress.baseURL(for: configuration).warning != nil, "loopback: a phone cannot open it")
        configuration.server.host = "0.0.0.0"
        #expect(LoginLinkAddress.baseURL(for: configuration).warning?.contains("--base-url") == true)
        configuration.listen.baseURL = "https://coach.example:8443/"
        let base = LoginLinkAddress.baseURL(for: configuration)
        #expect(base.url == "https://coach.example:8443" && base.warning == nil)
        #expect(LoginLinkAddress.url(base: base.url, secret: "tbl_x") == "https://coach.example:8443/listen/login#tbl_x")
        #expect(LoginLinkAddress.secret(fromPasted: "  https://coach.example:8443/listen/login#tbl_x\n") == "tbl_x")
        #expect(LoginLinkAddress.secret(fromPasted: "tbl_x") == "tbl_x")
    }
}
