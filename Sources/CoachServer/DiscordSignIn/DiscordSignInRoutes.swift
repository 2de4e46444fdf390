import Foundation
import Hummingbird
import Integration
import Logging
import ServerSettings
import WebPages

/// "Sign in with Discord" (docs/web.md): the OAuth2 authorization code flow with PKCE (S256).
///
/// - `POST /signin/discord` (`return=` the page asked for; a signed-in browser adds `csrf=` and
///   links its Discord account instead): keeps a new `state` with the PKCE verifier server-side,
///   puts the state in a short-lived cookie, and sends the browser to Discord (303).
/// - `GET /signin/discord/callback?code=&state=` (or `?error=`): the state must be the one this
///   browser's cookie holds and still pending (each works once); the code is exchanged with the
///   verifier, Discord's `users/@me` names the account, and the account's driver gets a browser
///   session (the listen page's cookie); the browser lands on the page it asked for.
struct DiscordSignInRoutes: Sendable {
    static let startPath = "/signin/discord"
    static let callbackPath = "/signin/discord/callback"
    /// Holds the pending sign-in's state: only this browser can finish it (no login CSRF).
    static let stateCookie = "trailbrake_oauth"

    let provider: any DiscordSignInProvider
    let directory: any DiscordSignInDirectory
    let sessions: any BrowserSessionStore
    let pending: PendingDiscordSignIns
    let origins: OriginPolicy
    let listen: ServerSettings.ServerConfiguration.Listen
    /// `listen.base_url`'s origin, else the origin each request reached.
    let baseURL: WebOrigin?
    let secure: Bool
    let notices: SignInNotices

    func register(on router: Router<DriverRequestContext>) {
        router.post(.init(stringLiteral: Self.startPath)) { request, context in await start(request, logger: context.logger) }
        router.get(.init(stringLiteral: Self.callbackPath)) { request, context in await callback(request, logger: context.logger) }
    }

    private func start(_ request: Request, logger: Logger) async -> Response {
        guard origins.allows(request.head) else { return notices.page(.formRefused, status: .forbidden, request) }
        let form = await ListenPageRoutes.form(request) ?? [:]
        var session: BrowserSession?
        do {
            if let cookie = ListenCookie.value(in: request) { session = try await sessions.session(cookie: cookie) }
        } catch {
            logger.error("discord sign-in: session check failed", metadata: ["error": "\(error)"])
            return notices.page(.unavailable, status: .serviceUnavailable, request)
        }
        // A signed-in browser links its account: that changes who signs in as this driver, so it
        // needs the page's CSRF token like every other form.
        if let session, !ListenPageRoutes.constantTimeEquals(form["csrf"] ?? "", session.csrfToken) {
            return notices.page(.formRefused, status: .forbidden, request, session: session)
        }
        guard let origin = baseURL ?? request.head.authority.flatMap({ WebOrigin(host: $0, scheme: secure ? "https" : "http") }) else {
            return notices.page(.formRefused, status: .badRequest, request)
        }
        let redirectURI = origin.description + Self.callbackPath
        let state = Self.newState()
        let authorization = provider.authorization(state: state, redirectURI: redirectURI)
        let lifetime = pending.lifetime
        let evicted = pending.insert(state, .init(
            verifier: authorization.verifier, redirectURI: redirectURI,
            returnPath: ReturnPath.validated(form["return"]) ?? ReturnPath.fromCookie(request),
            linkingSession: session?.id, linkingDriver: session?.driver.id, expiresAt: .now + lifetime))
        if evicted > 0 { logger.warning("discord sign-in: pending sign-ins full, oldest dropped", metadata: ["dropped": "\(evicted)"]) }
        var headers: HTTPFields = [.location: authorization.url, .cacheControl: "no-store"]
        headers[.setCookie] = stateCookie(state, maxAge: Int(lifetime.components.seconds))
        return Response(status: .seeOther, headers: headers)
    }

    private func callback(_ request: Request, logger: Logger) async -> Response {
        let query = request.uri.queryParameters
        let forget = stateCookie("", maxAge: 0)
        guard let state = query.get("state"), state.utf8.count <= 128, let held = request.cookies[Self.stateCookie]?.value,
            ListenPageRoutes.constantTimeEquals(state, held), let entry = pending.take(state)
        else { return notices.page(.signInNotStarted, status: .badRequest, request, cookies: [forget]) }
        if let error = query.get("error") {
            // Discord's codes are lowercase words; anything else is logged as "other" (no log injection).
            let code = error.utf8.count <= 40 && error.allSatisfy({ $0.isLowercase || $0 == "_" }) ? error : "other"
            logger.info("discord sign-in not granted", metadata: ["error": "\(code)"])
            return notices.page(error == "access_denied" ? .discordDenied : .discordFailed, status: .forbidden, request, cookies: [forget])
        }
        guard let code = query.get("code"), (1...512).contains(code.utf8.count) else {
            return notices.page(.discordFailed, status: .badRequest, request, cookies: [forget])
        }
        do {
            let user = try await provider.user(code: code, verifier: entry.verifier, redirectURI: entry.redirectURI)
            if let driverID = entry.linkingDriver {
                return try await link(user, driverID: driverID, entry: entry, request, logger: logger, forget: forget)
            }
            return try await signIn(user, entry: entry, request, logger: logger, forget: forget)
        } catch let failure as DiscordSignInFailure {
            logger.warning("discord sign-in failed", metadata: ["code": "\(failure.code)"])
            return notices.page(.discordFailed, status: .badGateway, request, cookies: [forget])
        } catch {
            logger.error("discord sign-in: storage failed", metadata: ["error": "\(error)"])
            return notices.page(.unavailable, status: .serviceUnavailable, request, cookies: [forget])
        }
    }

    private func signIn(
        _ user: DiscordSignInUser, entry: PendingDiscordSignIns.Entry, _ request: Request, logger: Logger, forget: String
    ) async throws -> Response {
        switch try await directory.driver(forDiscordUser: user.id) {
        case .unknown:
            return notices.page(.discordNotLinked, status: .forbidden, request, cookies: [forget])
        case .ambiguous:
            return notices.page(.discordAmbiguous, status: .conflict, request, cookies: [forget])
        case .driver(let driverID):
            let lifetime = listen.sessionDays * 86_400
            guard let (session, cookie) = try await sessions.signIn(
                driverID: driverID, lifetime: lifetime, maximumPerDriver: listen.maxSessionsPerDriver)
            else { return notices.page(.discordNotLinked, status: .forbidden, request, cookies: [forget]) }
            logger.info("browser signed in with discord", metadata: ["driver": "\(session.driver.id)"])
            return SignInNotices.redirect(
                to: entry.returnPath ?? "/sessions",
                cookies: [forget, ReturnPath.clearCookie(secure: secure), ListenCookie.set(cookie, maxAge: Int(lifetime), secure: secure)])
        }
    }

    /// Links the account to the driver whose browser asked, if that browser is still signed in
    /// with the same session.
    private func link(
        _ user: DiscordSignInUser, driverID: Int64, entry: PendingDiscordSignIns.Entry, _ request: Request, logger: Logger, forget: String
    ) async throws -> Response {
        guard let cookie = ListenCookie.value(in: request), let session = try await sessions.session(cookie: cookie),
            session.id == entry.linkingSession, session.driver.id == driverID
        else { return notices.page(.signInNotStarted, status: .badRequest, request, cookies: [forget]) }
        guard try await directory.link(discordUser: user.id, driverID: driverID) else {
            return notices.page(.discordLinkedElsewhere, status: .conflict, request, session: session, cookies: [forget])
        }
        logger.info("discord account linked for sign-in", metadata: ["driver": "\(driverID)"])
        return notices.page(.discordLinked, status: .ok, request, session: session, cookies: [forget])
    }

    private func stateCookie(_ value: String, maxAge: Int) -> String {
        "\(Self.stateCookie)=\(value); Path=/signin/discord; Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    /// 32 random bytes in base64url.
    static func newState() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
