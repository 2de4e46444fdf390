import Hummingbird

/// The listen page's session cookie: `trailbrake_listen`, HttpOnly (page scripts never see it),
/// Path=/ (the page and its socket under /api), Secure when browsers reach the server over
/// HTTPS, and SameSite=Lax.
///
/// Lax rather than Strict: a driver opens the page from outside the site (a terminal, a chat
/// message, a bookmark synced from another app), and a Strict cookie is withheld on every such
/// cross-site navigation, so a signed-in driver would be shown the sign-in page. Lax sends the
/// cookie only on top-level GET navigations; it is withheld from other sites' POSTs, frames,
/// fetches and WebSockets. No GET changes anything here (sign-in and sign-out are POSTs, the
/// latter with a CSRF token), and the socket and forms also check `Origin` (`OriginPolicy`).
enum ListenCookie {
    static let name = "trailbrake_listen"

    /// The session secret the request carries; nil when absent or not shaped like one.
    static func value(in request: Request) -> String? {
        guard let value = request.cookies[name]?.value, !value.isEmpty, value.utf8.count <= 128 else { return nil }
        return value
    }

    /// `Set-Cookie` for a new session lasting `maxAge` seconds.
    static func set(_ value: String, maxAge: Int, secure: Bool) -> String {
        "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    /// `Set-Cookie` that makes the browser forget the session.
    static func clear(secure: Bool) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }
}
