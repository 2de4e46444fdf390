import Foundation

/// A web origin (scheme, host, port) as browsers send it in `Origin`: what the listen socket
/// and the page's forms compare to refuse cross-site requests.
package struct WebOrigin: Sendable, Hashable, CustomStringConvertible {
    package let scheme: String
    package let host: String
    package let port: Int

    package init?(scheme: String, host: String, port: Int?) {
        let scheme = scheme.lowercased()
        guard scheme == "http" || scheme == "https", !host.isEmpty else { return nil }
        let port = port ?? (scheme == "https" ? 443 : 80)
        guard (1...65_535).contains(port) else { return nil }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
    }

    /// `http(s)://host[:port]`, optionally with a trailing `/` (a configured base URL); nil for
    /// anything else (another scheme, a path, a query, user info, the literal `null`).
    package init?(url text: String) {
        guard let components = URLComponents(string: text), let scheme = components.scheme, let host = components.host,
            components.user == nil, components.password == nil, components.query == nil, components.fragment == nil,
            components.path.isEmpty || components.path == "/"
        else { return nil }
        self.init(scheme: scheme, host: host, port: components.port)
    }

    /// The origin a request reached: `Host` (`name[:port]` or `[v6]:port`) under `scheme`.
    package init?(host hostHeader: String, scheme: String) {
        guard !hostHeader.isEmpty, hostHeader.utf8.count <= 300,
            !hostHeader.contains(where: { $0 == "/" || $0 == "@" || $0 == "?" || $0 == "#" || $0.isWhitespace })
        else { return nil }
        self.init(url: "\(scheme)://\(hostHeader)")
    }

    package var description: String { spelled(as: scheme) }

    /// The same host and port under `ws`/`wss`: the listen socket's origin, for a CSP `connect-src`.
    package var webSocketOrigin: String { spelled(as: scheme == "https" ? "wss" : "ws") }

    private func spelled(as shownScheme: String) -> String {
        let standard = (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return standard ? "\(shownScheme)://\(shownHost)" : "\(shownScheme)://\(shownHost):\(port)"
    }
}
