import Foundation
import ServerSettings

/// The URL `trailbrake login-link` prints: `BASE/listen/login#SECRET`. The secret is in the
/// fragment, which browsers never send in a request, so it is not in any server or proxy log
/// and a chat app previewing the link cannot use it up; the sign-in page posts it.
public enum LoginLinkAddress {
    public static let path = "/listen/login"

    /// Where browsers reach this server: `listen.base_url`, else `http(s)://server.host:port`.
    /// `warning` says when that address cannot work from another machine (a wildcard or
    /// loopback host), so `--base-url` or `listen.base_url` should name the LAN address.
    public static func baseURL(for configuration: ServerConfiguration) -> (url: String, warning: String?) {
        if let origin = WebOrigin(url: configuration.listen.baseURL) { return (origin.description, nil) }
        let scheme = configuration.tls.enabled ? "https" : "http"
        let host = configuration.server.host
        let url = WebOrigin(scheme: scheme, host: host, port: configuration.server.port)?.description ?? "\(scheme)://\(host)"
        switch host {
        case "0.0.0.0", "::", "":
            return (url, "server.host \(host) is not an address a browser can open: pass --base-url or set listen.base_url")
        case "127.0.0.1", "localhost", "::1":
            return (url, "this link works only on the server's own machine; for a phone, pass --base-url or set listen.base_url")
        default:
            return (url, nil)
        }
    }

    /// A base URL given on the command line, checked; nil when it is not `http(s)://host[:port]`.
    public static func checkedBaseURL(_ text: String) -> String? { WebOrigin(url: text)?.description }

    public static func url(base: String, secret: String) -> String {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return "\(trimmed)\(path)#\(secret)"
    }

    /// The secret in what a person pasted: the whole link, or only the part after `#`.
    static func secret(fromPasted text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let hash = trimmed.lastIndex(of: "#") else { return trimmed }
        return String(trimmed[trimmed.index(after: hash)...])
    }
}
