import Testing
import WireClient

/// What a person types as the server becomes the right scheme, host, port and path, and an IP
/// address is known as one (it is never sent as TLS SNI).
@Suite struct ServerEndpointTests {
    @Test func anIPAddressServerOverTLS() throws {
        let endpoint = try ServerEndpoint(parsing: "wss://192.168.1.20:8443")
        #expect(endpoint.secure && endpoint.host == "192.168.1.20" && endpoint.port == 8443)
        #expect(endpoint.target == "/api/v1/coaching/live")
        #expect(endpoint.isIPLiteral)
        #expect(endpoint.hostHeader == "192.168.1.20:8443")
    }

    @Test func namesSchemesAndDefaults() throws {
        let named = try ServerEndpoint(parsing: "https://coach.example")
        #expect(named.secure && named.port == 443 && !named.isIPLiteral && named.hostHeader == "coach.example")
        let plain = try ServerEndpoint(parsing: "coach.local:8080")
        #expect(!plain.secure && plain.port == 8080)
        #expect(try ServerEndpoint(parsing: "coach.local", forceTLS: true).secure)
        let ipv6 = try ServerEndpoint(parsing: "wss://[::1]:9000/custom?x=1")
        #expect(ipv6.host == "::1" && ipv6.isIPLiteral && ipv6.target == "/custom?x=1" && ipv6.hostHeader == "[::1]:9000")
        #expect(ipv6.description == "wss://[::1]:9000/custom?x=1")
    }

    @Test(arguments: ["ftp://x", "wss://", "wss://host:0", "wss://host:99999", "wss://user:token@host", "wss://ho st", "wss://[::1"])
    func badAddressesAreRefusedWithAReason(_ text: String) {
        #expect(throws: WireSocketError.self) { try ServerEndpoint(parsing: text) }
    }
}
