import NIOCore

/// Where a Trailbrake server's WebSocket endpoint is: scheme, host, port and path, parsed once
/// from what a person typed (`wss://192.168.1.20:8443`, `coach.example:8443`, `http://...`).
///
/// The host is kept apart from the URL so the TLS layer can tell a name (sent as SNI and
/// matched against the certificate's DNS names) from an IP literal (no SNI: RFC 6066 forbids an
/// address there; the certificate is matched against its IP address SANs instead).
public struct ServerEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var secure: Bool
    /// A DNS name or an IP literal, IPv6 without brackets.
    public var host: String
    public var port: Int
    /// Path and query, starting with "/".
    public var target: String

    /// The live coaching endpoint's path (docs/protocol.md).
    public static let livePath = "/api/v1/coaching/live"

    /// Parses `text`. `http(s)://` becomes `ws(s)://`, a missing scheme means `ws://` (or `wss://`
    /// with `forceTLS`), a missing path becomes `defaultPath`, a missing port 80 or 443.
    public init(parsing text: String, defaultPath: String = ServerEndpoint.livePath, forceTLS: Bool = false) throws(WireSocketError) {
        var rest = Substring(text.trimmingWhitespaceAndNewlines())
        var secure = forceTLS
        if let separator = rest.range(of: "://") {
            switch rest[..<separator.lowerBound].lowercased() {
            case "ws", "http": break
            case "wss", "https": secure = true
            default: throw .invalidURL("\(text): the scheme must be ws://, wss://, http:// or https://")
            }
            rest = rest[separator.upperBound...]
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        guard !authority.contains("@") else { throw .invalidURL("\(text): user names or tokens do not belong in the URL") }
        let host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidURL("\(text): unclosed [ in the address") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw .invalidURL("\(text): unexpected text after the address")
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw .invalidURL("\(text): no host") }
        guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.:_%".contains($0)) }) else {
            throw .invalidURL("\(text): the host has characters a host name cannot have")
        }
        var port = secure ? 443 : 80
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else {
                throw .invalidURL("\(text): the port must be a number from 1 to 65535")
            }
            port = number
        }
        if target.isEmpty || target.hasPrefix("?") { target = defaultPath + target }
        self.secure = secure
        self.host = String(host)
        self.port = port
        self.target = target
    }

    /// True for `127.0.0.1`, `192.168.1.20`, `::1`: an address, never sent as SNI.
    public var isIPLiteral: Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    /// The `Host` header: the host (IPv6 in brackets) with the port when it is not the default.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (secure ? 443 : 80) ? name : "\(name):\(port)"
    }

    /// The same server, another path (e.g. `/metrics` next to the live endpoint).
    public func with(target: String) -> ServerEndpoint {
        var copy = self
        copy.target = target
        return copy
    }

    /// `wss://host:port/path`, as shown to a person (never with a token: tokens go in a header).
    public var description: String {
        "\(secure ? "wss" : "ws")://\(host.contains(":") ? "[\(host)]" : host):\(port)\(target)"
    }
}

extension String {
    fileprivate func trimmingWhitespaceAndNewlines() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
