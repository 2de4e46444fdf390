import Hummingbird
import Logging

/// `POST /listen/logout-everywhere` (`csrf=`): deletes every browser session of the signed-in
/// driver (this browser, a phone, a borrowed laptop) and closes the listen sockets they opened.
/// Without the session's CSRF token or from another site it is refused (403) and nothing changes.
struct SignOutEverywhereRoute: Sendable {
    static let path = "/listen/logout-everywhere"

    let sessions: any BrowserSessionStore
    let origins: OriginPolicy
    let listeners: ListenerHub
    let secure: Bool
    let notices: SignInNotices

    func register(on router: Router<DriverRequestContext>) {
        router.post(.init(stringLiteral: Self.path)) { request, context in await signOut(request, logger: context.logger) }
    }

    private func signOut(_ request: Request, logger: Logger) async -> Response {
        guard origins.allows(request.head) else { return notices.page(.formRefused, status: .forbidden, request) }
        do {
            guard let cookie = ListenCookie.value(in: request), let session = try await sessions.session(cookie: cookie) else {
                return notices.page(.signIn, status: .unauthorized, request, cookies: [ListenCookie.clear(secure: secure)])
            }
            guard let form = await ListenPageRoutes.form(request), let token = form["csrf"],
                ListenPageRoutes.constantTimeEquals(token, session.csrfToken)
            else { return notices.page(.formRefused, status: .forbidden, request, session: session) }
            let ids = try await sessions.signOutEverywhere(driverID: session.driver.id)
            let closed = listeners.closeListeners(admittedWith: Set(ids.map { .browserSession($0) }), ending: .signedOut)
            logger.info(
                "driver signed out everywhere",
                metadata: ["driver": "\(session.driver.id)", "sessions": "\(ids.count)", "listeners_closed": "\(closed)"])
            return notices.page(.signedOutEverywhere, status: .ok, request, cookies: [ListenCookie.clear(secure: secure)])
        } catch {
            logger.error("sign-out everywhere failed", metadata: ["error": "\(error)"])
            return notices.page(.unavailable, status: .serviceUnavailable, request)
        }
    }
}
