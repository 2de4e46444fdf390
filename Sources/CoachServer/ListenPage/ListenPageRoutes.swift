import Foundation
import Hummingbird
import Logging
import ServerSettings

/// `GET /listen` and its sign-in: the page a driver opens on a phone to hear the cues.
///
/// - `GET /listen`: the live page for a browser with a valid session cookie, else how to sign in.
/// - `GET /listen/login`: the sign-in page; a login link (`/listen/login#tbl_…`) carries its
///   secret in the fragment, which browsers never send, so the secret stays out of server and
///   proxy logs and link previews cannot use it up; the page posts it (`login.js`).
/// - `POST /listen/login` (`link=`): a valid, unused link sets the cookie and goes to `/listen`
///   (303), or to the page a 401 asked it to come back to (`ReturnPath`'s cookie); a used, expired or unknown link gets a page saying so, and no session.
/// - `POST /listen/logout` (`csrf=`): deletes the stored session and the cookie, and closes the
///   listen sockets that session opened (4401 `signed_out`).
/// - `GET /listen/session`: 204 with a valid cookie, else 401 (the page asks before reconnecting).
/// - `GET /listen/assets/NAME`: the page's style and scripts, embedded in the binary.
struct ListenPageRoutes: Sendable {
    let sessions: (any BrowserSessionStore)?
    let origins: OriginPolicy
    let configuration: ServerSettings.ServerConfiguration.Listen
    /// `Secure` cookies: the browser reaches the server over HTTPS (TLS here, or `base_url`).
    let secure: Bool
    /// Where sign-out closes the signed-out browser's listeners.
    let listeners: ListenerHub

    /// Largest form accepted: a pasted link or a CSRF token is under 200 bytes.
    static let maximumFormBytes = 2_048

    func register(on router: Router<DriverRequestContext>) {
        router.get("/listen") { request, context in await listenPage(request, logger: context.logger) }
        router.get("/listen/login") { request, _ in signInPage(request) }
        router.post("/listen/login") { request, context in await signIn(request, logger: context.logger) }
        router.post("/listen/logout") { request, context in await signOut(request, logger: context.logger) }
        router.get("/listen/session") { request, _ -> Response in
            guard let sessions, let cookie = ListenCookie.value(in: request), try await sessions.session(cookie: cookie) != nil
            else { throw ListenEndpoint.unauthorized }
            return Response(status: .noContent, headers: [.cacheControl: "no-store"])
        }
        router.get("/listen/assets/{name}") { _, context -> Response in
            guard let name = context.parameters.get("name"), let asset = ListenPageAssets.named(name) else {
                throw APIError.notFound("asset")
            }
            return ListenPageResponses.asset(asset.bytes, contentType: asset.contentType)
        }
    }

    private var sessionLifetime: TimeInterval { configuration.sessionDays * 86_400 }

    private func listenPage(_ request: Request, logger: Logger) async -> Response {
        guard let sessions, let cookie = ListenCookie.value(in: request) else { return signInPage(request) }
        do {
            guard let session = try await sessions.session(cookie: cookie) else {
                return signInPage(request, notice: "Your sign-in has ended. Sign in again with a new link.")
            }
            return html(ListenPageHTML.listening(driver: session.driver.name, csrfToken: session.csrfToken), request)
        } catch {
            logger.error("listen page: session check failed", metadata: ["error": "\(error)"])
            return unavailable(request)
        }
    }

    private func signInPage(_ request: Request, notice: String? = nil) -> Response {
        let page = ListenPageHTML.signIn(loginLinkMinutes: configuration.loginLinkMinutes, available: sessions != nil, notice: notice)
        return html(page, request)
    }

    private func signIn(_ request: Request, logger: Logger) async -> Response {
        guard origins.allows(request.head) else { return refusedOrigin(request) }
        guard let sessions else { return html(ListenPageHTML.notice(title: "Sign-in is not available", message: "This server runs without a database."), request, status: .notFound) }
        guard let form = await Self.form(request), let pasted = form["link"] else {
            return html(ListenPageHTML.notice(title: "Not a sign-in link", message: "The form held no sign-in link."), request, status: .badRequest)
        }
        let outcome: BrowserSignIn
        do {
            outcome = try await sessions.signIn(
                link: LoginLinkAddress.secret(fromPasted: pasted), lifetime: sessionLifetime,
                maximumPerDriver: configuration.maxSessionsPerDriver)
        } catch {
            logger.error("listen sign-in failed", metadata: ["error": "\(error)"])  // never the link
            return unavailable(request)
        }
        switch outcome {
        case .signedIn(let session, let cookie):
            logger.info("browser signed in to the listen page", metadata: ["driver": "\(session.driver.id)"])
            let signedIn = ListenCookie.set(cookie, maxAge: Int(sessionLifetime), secure: secure)
            // Back to the page that asked for a sign-in (`ReturnPath`), else the listen page.
            guard let path = ReturnPath.fromCookie(request) else { return ListenPageResponses.backToListenPage(setCookie: signedIn) }
            return SignInNotices.redirect(to: path, cookies: [signedIn, ReturnPath.clearCookie(secure: secure)])
        case .used:
            return html(ListenPageHTML.notice(
                title: "This sign-in link was already used",
                message: "Each link signs in one browser, once: make a new one for this device."),
                request, status: .gone)
        case .expired:
            return html(ListenPageHTML.notice(
                title: "This sign-in link has expired",
                message: "Links work for \(Int(configuration.loginLinkMinutes.rounded())) minutes after they are made."),
                request, status: .gone)
        case .unknown:
            return html(ListenPageHTML.notice(
                title: "Not a sign-in link",
                message: "This is not a sign-in link of this server. Copy the whole link that trailbrake login-link printed."),
                request, status: .notFound)
        }
    }

    private func signOut(_ request: Request, logger: Logger) async -> Response {
        guard origins.allows(request.head) else { return refusedOrigin(request) }
        let forget = ListenCookie.clear(secure: secure)
        guard let sessions, let cookie = ListenCookie.value(in: request) else { return ListenPageResponses.backToListenPage(setCookie: forget) }
        do {
            guard let session = try await sessions.session(cookie: cookie) else {
                return ListenPageResponses.backToListenPage(setCookie: forget)
            }
            guard let form = await Self.form(request), let token = form["csrf"], Self.constantTimeEquals(token, session.csrfToken) else {
                return html(ListenPageHTML.notice(
                    title: "Not signed out", message: "The sign-out form did not come from the listen page."), request, status: .forbidden)
            }
            try await sessions.signOut(cookie: cookie)
            let closed = listeners.closeListeners(admittedWith: [.browserSession(session.id)], ending: .signedOut)
            logger.info("browser signed out of the listen page", metadata: ["driver": "\(session.driver.id)", "listeners_closed": "\(closed)"])
            return ListenPageResponses.backToListenPage(setCookie: forget)
        } catch {
            logger.error("listen sign-out failed", metadata: ["error": "\(error)"])
            return unavailable(request)
        }
    }

    private func refusedOrigin(_ request: Request) -> Response {
        html(ListenPageHTML.notice(title: "Refused", message: "This form was sent from another site."), request, status: .forbidden)
    }

    private func unavailable(_ request: Request) -> Response {
        html(ListenPageHTML.notice(title: "Sign-in is unavailable right now", message: "The server cannot reach its database; try again shortly."),
             request, status: .serviceUnavailable)
    }

    private func html(_ text: String, _ request: Request, status: HTTPResponse.Status = .ok) -> Response {
        ListenPageResponses.html(text, status: status, request: request, secure: secure)
    }

    /// The urlencoded form's fields; nil when the body is too large or not a form.
    static func form(_ request: Request, upTo limit: Int = maximumFormBytes) async -> [String: String]? {
        guard var body = try? await request.body.collect(upTo: limit),
            let text = body.readString(length: body.readableBytes)
        else { return nil }
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.formDecoded(parts[0]), let value = Self.formDecoded(parts.count > 1 ? parts[1] : "") else { return nil }
            fields[name] = value
        }
        return fields
    }

    private static func formDecoded(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Compares without stopping at the first difference, so timing says nothing about the token.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
