import HTTPTypes
import Hummingbird
import Logging
import WebPages

/// The drivers' web pages (docs/web.md), signed in with the listen page's browser sessions:
///
/// - `GET /sessions[?cursor=]`, `GET /sessions/{id}`, `GET /sessions/{id}/corners`,
///   `GET /sessions/{id}/cues`, `GET /laps/{id}`, `GET /laps/compare?a=&b=` (the REST API's ids);
/// - `GET /web/assets/NAME`: the pages' style sheet and script, embedded in the binary.
///
/// Without a signed-in browser a page is 401 with the way to sign in; another driver's id and an
/// unknown id are the same 404. `?lang=en|tr` on any page switches and remembers the language.
/// The only form on the pages is the listen page's sign-out (`POST /listen/logout`, CSRF token).
struct DriverPageRoutes: Sendable {
    let data: DriverPageData
    let sessions: (any BrowserSessionStore)?
    let renderer: WebPageRenderer
    let secure: Bool
    /// "Sign in with Discord" is offered on the sign-in notice.
    var discordSignIn: Bool { discordOrigin != nil }
    /// Discord's authorization origin, which the pages' Discord forms lead to; nil when off.
    var discordOrigin: String?
    /// How long a 401 page's return cookie lasts: as long as a login link made now.
    var returnCookieSeconds = 600

    func register(on router: Router<DriverRequestContext>) {
        router.get("/sessions") { request, context in
            await page(request, logger: context.logger) { session, chrome in
                let cursor = request.uri.queryParameters.get("cursor")
                return try await data.sessions(driverID: session.driver.id, cursor: cursor).map { renderer.sessions($0, chrome: chrome) }
            }
        }
        router.get("/sessions/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await page(request, logger: context.logger) { session, chrome in
                try await data.session(id: id, driverID: session.driver.id).map { renderer.session($0, chrome: chrome) }
            }
        }
        router.get("/sessions/{id}/corners") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await page(request, logger: context.logger) { session, chrome in
                try await data.corners(sessionID: id, driverID: session.driver.id).map { renderer.corners($0, chrome: chrome) }
            }
        }
        router.get("/sessions/{id}/cues") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await page(request, logger: context.logger) { session, chrome in
                try await data.cues(sessionID: id, driverID: session.driver.id).map { renderer.cues($0, chrome: chrome) }
            }
        }
        // Before `/laps/{id}`, so that "compare" is never read as an id.
        router.get("/laps/compare") { request, context in
            await page(request, logger: context.logger) { session, chrome in
                guard let a = Self.id(request.uri.queryParameters.get("a")), let b = Self.id(request.uri.queryParameters.get("b")) else {
                    return nil
                }
                return try await data.compare(a: a, b: b, driverID: session.driver.id).map {
                    renderer.lap(Self.zoomed($0, request), chrome: chrome)
                }
            }
        }
        router.get("/laps/{id}") { request, context in
            let id = Self.id(context.parameters.get("id"))
            return await page(request, logger: context.logger) { session, chrome in
                guard let id else { return nil }
                return try await data.lap(id: id, driverID: session.driver.id).map { renderer.lap(Self.zoomed($0, request), chrome: chrome) }
            }
        }
        router.get("/web/assets/{name}") { request, context -> Response in
            guard let name = context.parameters.get("name"), let asset = WebAssets.named(name) else { throw APIError.notFound("asset") }
            return DriverPageResponses.asset(asset.bytes, contentType: asset.contentType, request: request)
        }
    }

    /// Signs the request in, renders with `render` (nil: 404), and answers in the reader's language.
    private func page(
        _ request: Request, logger: Logger, render: (BrowserSession, PageChrome) async throws -> String?
    ) async -> Response {
        var context = DriverPageContext(request: request, session: nil, secure: secure, discordSignIn: discordSignIn)
        do {
            guard let sessions, let cookie = ListenCookie.value(in: request), let session = try await sessions.session(cookie: cookie) else {
                var response = respond(renderer.notice(.signIn, chrome: context.chrome), status: .unauthorized, request, context)
                // A login link opened next in this browser lands on this page (`ReturnPath`).
                if let path = ReturnPath.validated(context.chrome.path) {
                    response.headers.append(HTTPField(name: .setCookie, value: ReturnPath.setCookie(path, maxAge: returnCookieSeconds, secure: secure)))
                }
                return response
            }
            context = DriverPageContext(request: request, session: session, secure: secure, discordSignIn: discordSignIn)
            guard let html = try await render(session, context.chrome) else {
                return respond(renderer.notice(.notFound, chrome: context.chrome), status: .notFound, request, context)
            }
            return respond(html, status: .ok, request, context)
        } catch {
            logger.error("driver page failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return respond(renderer.notice(.unavailable, chrome: context.chrome), status: .serviceUnavailable, request, context)
        }
    }

    private func respond(_ html: String, status: HTTPResponse.Status, _ request: Request, _ context: DriverPageContext) -> Response {
        DriverPageResponses.page(
            html, status: status, request: request, secure: secure, setCookie: context.languageCookie, formTarget: discordOrigin)
    }

    /// `?corner=N` (1...999) zooms the lap's charts to that corner; anything else shows the whole lap.
    static func zoomed(_ input: LapPageInput, _ request: Request) -> LapPageInput {
        var input = input
        input.zoomCorner = request.uri.queryParameters.get("corner").flatMap { $0.utf8.count <= 3 ? Int($0) : nil }.flatMap { $0 > 0 ? $0 : nil }
        return input
    }

    /// A positive integer id, else nil (the page answers 404, as for an id that is not the driver's).
    static func id(_ text: String?) -> Int64? {
        guard let text, text.utf8.count <= 19, let id = Int64(text), id > 0 else { return nil }
        return id
    }
}
