import Coaching
import Foundation
import Hummingbird
import Logging
import ServerSettings
import Storage
import WebPages

/// `/team` (docs/web.md, "Team"), signed in like every page:
///
/// - `GET /team`: the drivers shared with a team the reader is a member of (`TeamDirectory`),
///   their newest laps, a live panel per driver (the page's script listens to the driver's
///   mirror: `/api/v1/coaching/listen?driver=ID`), and the messages sent to them.
/// - `POST /team/messages` (`driver=`, `text=`, `csrf=`): a short message the driver hears as a
///   cue at the next place where cues may be said. Needs the session's CSRF token and a
///   same-site `Origin` (403, nothing stored); a driver the reader may not see is 404 (as one
///   that does not exist); an empty, over-long or control-character message is 400; past
///   `team.messages_per_minute` for this sender 429 `rate_limited`; a driver with no live session
///   409 `driver_not_live`; a driver with `team.messages_waiting_per_driver` waiting 429
///   `driver_busy`. Each accepted message is stored with its sender before it is queued.
struct TeamRoutes: Sendable {
    let directory: any TeamDirectory
    let relays: TeamRelayHub
    let limiter: SenderRateLimiter
    let sessions: any BrowserSessionStore
    let settings: ServerSettings.ServerConfiguration.Team
    let origins: OriginPolicy
    let renderer: WebPageRenderer
    let secure: Bool
    let discordOrigin: String?

    static let lapsPerDriver = 5
    static let messagesShown = 30

    func register(on router: Router<DriverRequestContext>) {
        router.get("/team") { request, context in await handle(request, logger: context.logger, form: false) { _, _ in nil } }
        router.post("/team/messages") { request, context in
            await handle(request, logger: context.logger, form: true) { form, session in
                try await send(form, from: session.driver, logger: context.logger)
            }
        }
    }

    /// Checks, stores and queues one message; nil: the driver is not the reader's to message (404).
    private func send(_ form: [String: String], from sender: AuthenticatedDriver, logger: Logger) async throws -> TeamPageInput.Outcome? {
        guard let id = DriverPageRoutes.id(form["driver"]), let driver = try await directory.sharedDriver(id, viewerID: sender.id) else {
            return nil
        }
        let text: String
        switch TeamMessageText.checked(form["text"], maxLength: settings.messageMaxLength) {
        case .success(let checked): text = checked
        case .failure(.empty): return .empty
        case .failure(.tooLong): return .tooLong(max: settings.messageMaxLength)
        case .failure(.invalid): return .invalidText
        }
        guard limiter.admit(sender.id) else { return .rateLimited(perMinute: settings.messagesPerMinute) }
        let box = relays.box(for: driver.driverID)
        let messageID = try await directory.addMessage(guildID: driver.guildID, driverID: driver.driverID, senderID: sender.id, text: text, at: Date())
        switch box.offer(RelayedMessage(id: messageID, sender: sender.name, text: text)) {
        case .queued:
            logger.info("team message queued", metadata: ["driver": "\(driver.driverID)", "sender": "\(sender.id)", "message": "\(messageID)"])
            return .queued
        case .notLive:
            try await directory.messagesNotSaid(ids: [messageID])
            return .notLive
        case .full:
            try await directory.messagesNotSaid(ids: [messageID])
            return .driverBusy(waiting: box.capacity)
        }
    }

    /// Signs in, checks a form's origin and CSRF token, runs `change` (nil: 404), answers with the page.
    private func handle(
        _ request: Request, logger: Logger, form isForm: Bool,
        change: ([String: String], BrowserSession) async throws -> TeamPageInput.Outcome?
    ) async -> Response {
        var context = DriverPageContext(request: request, session: nil, secure: secure, discordSignIn: discordOrigin != nil)
        do {
            guard let cookie = ListenCookie.value(in: request), let session = try await sessions.session(cookie: cookie) else {
                return respond(renderer.notice(.signIn, chrome: context.chrome), .unauthorized, request, context)
            }
            context = DriverPageContext(request: request, session: session, secure: secure, discordSignIn: discordOrigin != nil)
            var outcome: TeamPageInput.Outcome?
            if isForm {
                guard let form = await VerifiedForm.fields(of: request, session: session, origins: origins) else {
                    return respond(renderer.notice(.formRefused, chrome: context.chrome), .forbidden, request, context)
                }
                guard let done = try await change(form, session) else {
                    return respond(renderer.notice(.notFound, chrome: context.chrome), .notFound, request, context)
                }
                outcome = done
            }
            let page = renderer.team(try await input(viewer: session.driver.id, outcome: outcome), chrome: context.chrome)
            return respond(page, Self.status(of: outcome), request, context)
        } catch {
            logger.error("team page failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return respond(renderer.notice(.unavailable, chrome: context.chrome), .serviceUnavailable, request, context)
        }
    }

    private func input(viewer: Int64, outcome: TeamPageInput.Outcome?) async throws -> TeamPageInput {
        let shared = try await directory.sharedDrivers(viewerID: viewer, limit: settings.pageMaxDrivers)
        var drivers: [TeamPageInput.Driver] = []
        for driver in shared {
            let laps = try await directory.recentLaps(driverID: driver.driverID, limit: Self.lapsPerDriver)
            drivers.append(.init(
                id: driver.driverID, name: driver.name, team: driver.guildID,
                laps: laps.map { .init(id: $0.lapID, number: $0.lapNumber, time: $0.lapTime, valid: $0.isValid) }))
        }
        let names = Dictionary(uniqueKeysWithValues: shared.map { ($0.driverID, $0.name) })
        let messages = try await directory.recentMessages(driverIDs: shared.map(\.driverID), limit: Self.messagesShown).map { record in
            let outcome: TeamPageInput.Message.Outcome
            switch record.outcome {
            case .waiting: outcome = .waiting
            case .notSaid: outcome = .notSaid
            case .said: outcome = .said(lap: record.lapNumber, distance: record.lapDistance)
            }
            return TeamPageInput.Message(
                driverName: names[record.driverID] ?? "#\(record.driverID)", sender: record.senderName, text: record.text,
                sentAt: record.createdAt, outcome: outcome)
        }
        return TeamPageInput(drivers: drivers, messages: messages, outcome: outcome, maxLength: settings.messageMaxLength)
    }

    private func respond(_ html: String, _ status: HTTPResponse.Status, _ request: Request, _ context: DriverPageContext) -> Response {
        DriverPageResponses.page(html, status: status, request: request, secure: secure, setCookie: context.languageCookie, formTarget: discordOrigin)
    }

    static func status(of outcome: TeamPageInput.Outcome?) -> HTTPResponse.Status {
        switch outcome {
        case nil, .queued: .ok
        case .tooLong, .empty, .invalidText: .badRequest
        case .rateLimited, .driverBusy: .tooManyRequests
        case .notLive: .conflict
        }
    }
}
