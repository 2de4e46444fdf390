import Foundation
import Hummingbird
import Integration
import Logging
import WebPages

/// The team event pages (docs/team.md, "On the web"), signed in like every driver page:
///
/// - `GET /events`: the events of the reader's teams;
/// - `GET /events/{guild}/{id}`: the newest published plan in the reader's time zone and
///   language, their stints and marked hours; an event that is not theirs is the same 404 as
///   one that does not exist;
/// - `POST /events/{guild}/{id}/available` (`day=YYYY-MM-DD`, `hour=`, `hours=`, `preferred=`):
///   marks hours on the driver's own clock; needs the session's CSRF token and a same-site
///   `Origin` (403 otherwise, nothing changes);
/// - `POST /events/{guild}/{id}/broadcast` (`to=drivers|car:ID|role:LEVEL`, `message=`): a team
///   admin's message by DM, their role asked of Discord now; a non-admin's is the same 404 as a
///   page that does not exist (like /admin), with the same token and origin checks first.
struct EventPageRoutes: Sendable {
    let board: any TeamEventBoard
    let sessions: any BrowserSessionStore
    let origins: OriginPolicy
    let renderer: WebPageRenderer
    let secure: Bool
    let discordOrigin: String?

    func register(on router: Router<DriverRequestContext>) {
        router.get("/events") { request, context in
            await handle(request, logger: context.logger) { session, chrome in
                (renderer.events(try await board.events(driverID: session.driver.id), chrome: chrome), .ok)
            }
        }
        router.get("/events/{guild}/{id}") { request, context in
            let key = Self.key(context.parameters.get("guild"), context.parameters.get("id"))
            return await handle(request, logger: context.logger) { session, chrome in
                guard let key, let input = try await board.event(guildID: key.guild, eventID: key.id, driverID: session.driver.id) else {
                    return (renderer.notice(.notFound, chrome: chrome), .notFound)
                }
                return (renderer.event(input, chrome: Self.readerChrome(chrome, request, input)), .ok)
            }
        }
        router.post("/events/{guild}/{id}/available") { request, context in
            let key = Self.key(context.parameters.get("guild"), context.parameters.get("id"))
            return await handle(request, logger: context.logger) { session, chrome in
                guard origins.allows(request.head), let form = await ListenPageRoutes.form(request), let token = form["csrf"],
                    ListenPageRoutes.constantTimeEquals(token, session.csrfToken)
                else { return (renderer.notice(.formRefused, chrome: chrome), .forbidden) }
                guard let key else { return (renderer.notice(.notFound, chrome: chrome), .notFound) }
                let outcome: EventPageInput.Outcome?
                if let span = Self.span(form) {
                    outcome = try await board.markAvailable(guildID: key.guild, eventID: key.id, driverID: session.driver.id, span: span)
                } else {
                    outcome = .invalidSpan
                }
                guard let outcome, var input = try await board.event(guildID: key.guild, eventID: key.id, driverID: session.driver.id) else {
                    return (renderer.notice(.notFound, chrome: chrome), .notFound)
                }
                input.outcome = outcome
                let status: HTTPResponse.Status = switch outcome {
                case .marked: .ok
                case .invalidSpan: .badRequest
                case .limitReached, .notSignedUp: .conflict
                }
                return (renderer.event(input, chrome: Self.readerChrome(chrome, request, input)), status)
            }
        }
        router.post("/events/{guild}/{id}/broadcast") { request, context in
            let key = Self.key(context.parameters.get("guild"), context.parameters.get("id"))
            return await handle(request, logger: context.logger) { session, chrome in
                guard origins.allows(request.head), let form = await ListenPageRoutes.form(request, upTo: Self.maximumBroadcastFormBytes),
                    let token = form["csrf"], ListenPageRoutes.constantTimeEquals(token, session.csrfToken)
                else { return (renderer.notice(.formRefused, chrome: chrome), .forbidden) }
                guard let key, let audience = Self.audience(form["to"]),
                    let before = try await board.event(guildID: key.guild, eventID: key.id, driverID: session.driver.id)
                else { return (renderer.notice(.notFound, chrome: chrome), .notFound) }
                // The audience is stored in the words the admin reads on this page.
                guard
                    let outcome = try await board.broadcast(
                        guildID: key.guild, eventID: key.id, driverID: session.driver.id, to: audience, message: form["message"] ?? "",
                        language: Self.readerChrome(chrome, request, before).language),
                    var input = try await board.event(guildID: key.guild, eventID: key.id, driverID: session.driver.id)
                else { return (renderer.notice(.notFound, chrome: chrome), .notFound) }
                input.broadcast?.outcome = outcome
                let status: HTTPResponse.Status = switch outcome {
                case .queued: .ok
                case .invalidMessage: .badRequest
                case .limitReached, .nobody: .conflict
                }
                return (renderer.event(input, chrome: Self.readerChrome(chrome, request, input)), status)
            }
        }
    }

    /// Before the pages' script has set the browser's zone (`trailbrake_tz`), times are in the
    /// zone the reader signed up with rather than UTC; unless they chose a language on the web
    /// (`?lang=`, its cookie), the page is in their team language (sign-up, else the guild's),
    /// not the browser's.
    static func readerChrome(_ chrome: PageChrome, _ request: Request, _ input: EventPageInput) -> PageChrome {
        var chrome = chrome
        if request.cookies["trailbrake_tz"] == nil, let zone = input.signUpZone.flatMap(TimeZone.init(identifier:)) { chrome.timeZone = zone }
        if request.uri.queryParameters.get("lang") == nil, request.cookies[WebLanguage.cookieName] == nil, let language = input.teamLanguage {
            chrome.language = language
        }
        return chrome
    }

    /// A broadcast form's body: a message of up to 1,800 characters, each up to 12 bytes percent-encoded.
    static let maximumBroadcastFormBytes = 32_768

    /// The form's `to`: `drivers`, `car:ID` or `role:LEVEL`.
    static func audience(_ value: String?) -> TeamWebBroadcast.Audience? {
        guard let value, value.utf8.count <= 100 else { return nil }
        if value == "drivers" { return .drivers }
        if value.hasPrefix("car:"), value.count > 4 { return .car(String(value.dropFirst(4))) }
        if value.hasPrefix("role:"), value.count > 5 { return .role(String(value.dropFirst(5))) }
        return nil
    }

    /// Signs in and renders; a failure is the unavailable page, logged without the request's body.
    private func handle(
        _ request: Request, logger: Logger,
        page: (BrowserSession, PageChrome) async throws -> (String, HTTPResponse.Status)
    ) async -> Response {
        var context = DriverPageContext(request: request, session: nil, secure: secure, discordSignIn: discordOrigin != nil)
        do {
            guard let cookie = ListenCookie.value(in: request), let session = try await sessions.session(cookie: cookie) else {
                return respond(renderer.notice(.signIn, chrome: context.chrome), .unauthorized, request, context)
            }
            context = DriverPageContext(request: request, session: session, secure: secure, discordSignIn: discordOrigin != nil)
            let (html, status) = try await page(session, context.chrome)
            return respond(html, status, request, context)
        } catch {
            logger.error("event page failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return respond(renderer.notice(.unavailable, chrome: context.chrome), .serviceUnavailable, request, context)
        }
    }

    private func respond(_ html: String, _ status: HTTPResponse.Status, _ request: Request, _ context: DriverPageContext) -> Response {
        DriverPageResponses.page(html, status: status, request: request, secure: secure, setCookie: context.languageCookie, formTarget: discordOrigin)
    }

    /// A guild id (a snowflake: digits, at most 20) and an event id (1...1,000,000) from the path.
    static func key(_ guild: String?, _ id: String?) -> (guild: String, id: Int)? {
        guard let guild, (1...20).contains(guild.utf8.count), guild.utf8.allSatisfy({ (48...57).contains($0) }),
            let id = id.flatMap({ Int($0) }), (1...1_000_000).contains(id)
        else { return nil }
        return (guild, id)
    }

    /// The form's span; nil when a field is missing or not a number in range (the calendar is checked later).
    static func span(_ form: [String: String]) -> MarkedSpan? {
        let day = (form["day"] ?? "").split(separator: "-", omittingEmptySubsequences: false)
        guard day.count == 3, day.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isASCII) }),
            let year = Int(day[0]), let month = Int(day[1]), let date = Int(day[2]),
            let hour = form["hour"].flatMap({ Int($0) }), (0...23).contains(hour),
            let hours = form["hours"].flatMap({ Int($0) }), (1...48).contains(hours)
        else { return nil }
        return MarkedSpan(year: year, month: month, day: date, hour: hour, hours: hours, preferred: form["preferred"] != nil)
    }
}
