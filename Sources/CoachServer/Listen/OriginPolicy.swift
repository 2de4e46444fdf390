import Hummingbird
import ServerSettings

/// Which `Origin`s may use the listen page's cookie (on the socket) and post the page's forms: the
/// server's own (the origin the request reached, `listen.base_url`) and `listen.allowed_origins`.
/// A browser always sends `Origin` on a WebSocket upgrade and a form POST, so a request from
/// another site's page (or an opaque `null` origin) is refused even when the browser would
/// attach the cookie. A request without `Origin` is not from a browser page (a script, `curl`):
/// it holds its credential itself and is let through.
struct OriginPolicy: Sendable {
    /// `https` under TLS: the scheme of the origin a request reached.
    let scheme: String
    /// `listen.base_url` and `listen.allowed_origins`.
    let configured: [WebOrigin]

    init(configuration: ServerSettings.ServerConfiguration) {
        scheme = configuration.tls.enabled ? "https" : "http"
        let base = WebOrigin(url: configuration.listen.baseURL).map { [$0] } ?? []
        configured = base + (configuration.listen.allowedOriginList ?? [])
    }

    /// False only when an `Origin` is present and is none of the allowed ones.
    func allows(_ request: HTTPRequest) -> Bool {
        allows(origin: request.headerFields[.origin], authority: request.authority)
    }

    /// `authority` is the request's `Host`.
    func allows(origin: String?, authority: String?) -> Bool {
        guard let origin else { return true }
        guard let parsed = WebOrigin(url: origin) else { return false }
        if configured.contains(parsed) { return true }
        guard let authority, let own = WebOrigin(host: authority, scheme: scheme) else { return false }
        return parsed == own
    }
}
