import Hummingbird
import Logging
import ServerSettings

/// The read-only mirror socket `/api/v1/coaching/listen`: who may open it, and the connection
/// that serves it. A browser signs in with the listen page's cookie; a program may send the
/// driver's bearer token in `Authorization` instead (not `?token=`: a URL ends up in logs).
struct ListenEndpoint: Sendable {
    static let path = EndpointPath.listen

    let sessions: (any BrowserSessionStore)?
    let authenticator: any DriverAuthenticator
    let origins: OriginPolicy
    let hub: ListenerHub
    /// Lets a team member listen to a driver who shared with their team (`?driver=ID`); nil:
    /// a listener hears only its own driver.
    var team: (any TeamDirectory)?

    /// The driver this upgrade listens to, or why it is refused: 401 without a valid token or
    /// cookie; 403 for a cookie sent from another site's page (`Origin`: the cookie is the one
    /// credential a browser attaches by itself; a token header no page can set on a WebSocket).
    /// Secrets never reach the log.
    func authenticate(_ request: Request, logger: Logger) async -> Result<AuthenticatedDriver, APIError> {
        do {
            if request.headers[.authorization] != nil {
                guard let token = BearerToken.extract(from: request), let driver = try await authenticator.authenticate(token: token)
                else { return .failure(Self.unauthorized) }
                return .success(driver)
            }
            guard let cookie = ListenCookie.value(in: request) else { return .failure(Self.unauthorized) }
            guard origins.allows(request.head) else { return .failure(APIError(.forbidden, "this origin may not open the listen socket")) }
            guard let sessions, let session = try await sessions.session(cookie: cookie) else { return .failure(Self.unauthorized) }
            var driver = session.driver
            driver.browserSessionID = session.id  // its listener ends with the session (`ListenCredential`)
            return try await teamMate(of: driver, in: request)
        } catch {
            logger.error("listen sign-in check failed", metadata: ["error": "\(error)"])
            return .failure(APIError(.internal, "authentication is unavailable"))
        }
    }

    /// `?driver=ID` from a signed-in browser: the driver listened to is that team-mate, when the
    /// reader is a member of a team the driver shared with (else 404, as for no such driver),
    /// admitted with the reader's own browser session (it ends the listener as for any other).
    /// The listener counts against the listened driver's `listen.max_listeners_per_driver`.
    private func teamMate(of viewer: AuthenticatedDriver, in request: Request) async throws -> Result<AuthenticatedDriver, APIError> {
        guard let text = request.uri.queryParameters.get("driver") else { return .success(viewer) }
        guard let id = DriverPageRoutes.id(text) else { return .failure(.notFound("driver")) }
        if id == viewer.id { return .success(viewer) }
        guard let team, let shared = try await team.sharedDriver(id, viewerID: viewer.id) else { return .failure(.notFound("driver")) }
        return .success(AuthenticatedDriver(id: shared.driverID, name: shared.name, browserSessionID: viewer.browserSessionID))
    }

    static let unauthorized = APIError(
        .unauthorized, "sign in to the listen page with a login link (trailbrake login-link), or send a driver token")

    /// The connection for an accepted upgrade, remembering what it was admitted with.
    func connection(for driver: AuthenticatedDriver, logger: Logger) -> ListenConnection {
        ListenConnection(
            mirror: hub.mirror(for: driver.id), credential: ListenCredential(admitting: driver), metrics: hub.metrics, logger: logger)
    }
}
