import Foundation
import Hummingbird
import Logging
import ServerSettings
import WebPages

/// `/admin` (docs/web.md, "Admin"): for drivers named in `admin.drivers`, signed in like every
/// page. Any other signed-in driver gets the same 404 as a page that does not exist (the page's
/// existence is not confirmed); a browser without a session gets the usual 401 sign-in page.
///
/// - `GET /admin`: drivers, the newest tokens, the Discord bot's queues, the iRacing poller's
///   state and recent cycles.
/// - `POST /admin/drivers` (`name=`), `POST /admin/tokens` (`driver=`, `label=`),
///   `POST /admin/tokens/{id}/revoke`: each needs the session's CSRF token and a same-site
///   `Origin` (403 otherwise, nothing changes) and answers with the page saying what happened;
///   a new token is shown on that answer only.
struct AdminRoutes: Sendable {
    let console: any AdminConsole
    let status: (any AdminStatusSource)?
    let sessions: any BrowserSessionStore
    let settings: ServerSettings.ServerConfiguration.Admin
    let origins: OriginPolicy
    let renderer: WebPageRenderer
    let secure: Bool
    let discordOrigin: String?

    static let maximumLabelLength = 64

    func register(on router: Router<DriverRequestContext>) {
        router.get("/admin") { request, context in await handle(request, logger: context.logger, form: false) { _ in nil } }
        router.post("/admin/drivers") { request, context in
            await handle(request, logger: context.logger, form: true) { form in
                guard let name = Self.driverName(form["name"]) else { return .invalidName }
                guard let driver = try await console.addDriver(name: name) else { return .nameTaken }
                context.logger.info("admin created a driver", metadata: ["driver": "\(driver.id)"])
                return .driverCreated(driver.name)
            }
        }
        router.post("/admin/tokens") { request, context in
            await handle(request, logger: context.logger, form: true) { form in
                guard let id = DriverPageRoutes.id(form["driver"]) else { return .noSuchDriver }
                let label = form["label"].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
                guard label.map(Self.isPrintable) ?? true, (label?.count ?? 0) <= Self.maximumLabelLength else { return .invalidName }
                guard let token = try await console.issueToken(driverID: id, label: label) else { return .noSuchDriver }
                let name = try await console.driverList(limit: settings.maxRows).first { $0.id == id }?.name ?? "#\(id)"
                context.logger.info("admin created a token", metadata: ["driver": "\(id)"])  // never the token
                return .tokenCreated(driver: name, token: token)
            }
        }
        router.post("/admin/tokens/{id}/revoke") { request, context in
            let id = DriverPageRoutes.id(context.parameters.get("id"))
            return await handle(request, logger: context.logger, form: true) { _ in
                guard let id, try await console.revokeToken(id: id) else { return .noSuchToken }
                context.logger.info("admin revoked a token", metadata: ["token": "\(id)"])
                return .tokenRevoked
            }
        }
    }

    /// Signs in, checks the admin (and for a form its origin and CSRF token), runs `change`,
    /// and answers with the page.
    private func handle(
        _ request: Request, logger: Logger, form isForm: Bool, change: ([String: String]) async throws -> AdminPageInput.Outcome?
    ) async -> Response {
        var context = DriverPageContext(request: request, session: nil, secure: secure, discordSignIn: discordOrigin != nil)
        do {
            guard let cookie = ListenCookie.value(in: request), let session = try await sessions.session(cookie: cookie) else {
                return respond(renderer.notice(.signIn, chrome: context.chrome), .unauthorized, request, context)
            }
            context = DriverPageContext(request: request, session: session, secure: secure, discordSignIn: discordOrigin != nil)
            guard settings.driverNames.contains(session.driver.name) else {
                return respond(renderer.notice(.notFound, chrome: context.chrome), .notFound, request, context)
            }
            var outcome: AdminPageInput.Outcome?
            var status = HTTPResponse.Status.ok
            if isForm {
                guard let form = await VerifiedForm.fields(of: request, session: session, origins: origins) else {
                    return respond(renderer.notice(.formRefused, chrome: context.chrome), .forbidden, request, context)
                }
                outcome = try await change(form)
                status = Self.status(of: outcome)
            }
            return respond(renderer.admin(try await input(outcome), chrome: context.chrome), status, request, context)
        } catch {
            logger.error("admin page failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return respond(renderer.notice(.unavailable, chrome: context.chrome), .serviceUnavailable, request, context)
        }
    }

    private func input(_ outcome: AdminPageInput.Outcome?) async throws -> AdminPageInput {
        let drivers = try await console.driverList(limit: settings.maxRows)
        let tokens = try await console.tokenList(limit: settings.maxRows)
        let services = await status?.adminStatus()
        return AdminPageInput(
            drivers: drivers.map { .init(id: $0.id, name: $0.name, createdAt: $0.createdAt) },
            tokens: tokens.map {
                .init(id: $0.id, driverName: $0.driverName, label: $0.label, createdAt: $0.createdAt, expiresAt: $0.expiresAt, status: $0.status.rawValue)
            },
            outcome: outcome, discordQueues: services?.discord.map { ($0.feedQueue, $0.directMessageQueue) },
            poller: services?.iracing.map { poller in
                .init(
                    state: poller.state, lastSuccess: poller.lastSuccess, lastError: poller.lastError, trackedDrivers: poller.trackedDrivers,
                    pendingPosts: poller.pendingPosts,
                    cycles: poller.cycles.prefix(settings.recentCycles).map {
                        .init(endedAt: $0.endedAt, membersChecked: $0.membersChecked, resultsFetched: $0.resultsFetched,
                              postsPublished: $0.postsPublished, errors: $0.errors)
                    })
            })
    }

    private func respond(_ html: String, _ status: HTTPResponse.Status, _ request: Request, _ context: DriverPageContext) -> Response {
        DriverPageResponses.page(html, status: status, request: request, secure: secure, setCookie: context.languageCookie, formTarget: discordOrigin)
    }

    static func status(of outcome: AdminPageInput.Outcome?) -> HTTPResponse.Status {
        switch outcome {
        case .nameTaken: .conflict
        case .invalidName: .badRequest
        case .noSuchToken, .noSuchDriver: .notFound
        default: .ok
        }
    }

    /// A driver name as `trailbrake token create --driver` takes it: 1...64 characters, trimmed, printable.
    static func driverName(_ text: String?) -> String? {
        guard let name = text?.trimmingCharacters(in: .whitespacesAndNewlines), (1...64).contains(name.count), isPrintable(name) else { return nil }
        return name
    }

    static func isPrintable(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }
    }
}
