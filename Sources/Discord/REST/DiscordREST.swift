import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Tracing

/// The REST side of Discord: every request carries the bot token and the User-Agent Discord
/// requires, waits for its rate-limit budgets, retries a 429 after `retry_after`, and retries
/// a 5xx or a failed connection when the request is safe to repeat (`ServerErrorRetry`).
public struct DiscordREST: Sendable {
    let baseURL: String
    let token: DiscordToken
    let userAgent: String
    /// The HTTP client; its owner shuts it down (`BotHTTPClient` for the bot).
    let http: @Sendable () throws -> HTTPClient
    let limiter: RateLimiter
    let serverErrorRetry: ServerErrorRetry
    let logger: Logger
    /// A `client` span per call (retries included), named by the route template: the concrete
    /// path may hold an interaction token. Nil: not traced.
    var tracer: (any Tracer)?
    /// 429s retried before giving up on one request.
    static let maximumRateLimitRetries = 5
    static let requestTimeout: TimeAmount = .seconds(30)

    /// A client on `http`, which the caller owns and shuts down.
    public init(configuration: DiscordConfiguration, token: DiscordToken, http: HTTPClient = .shared, logger: Logger) {
        self.init(configuration: configuration, token: token, http: { http }, serverErrorRetry: .standard, logger: logger)
    }

    init(
        configuration: DiscordConfiguration, token: DiscordToken, http: @escaping @Sendable () throws -> HTTPClient,
        serverErrorRetry: ServerErrorRetry, logger: Logger
    ) {
        self.baseURL = configuration.restBaseURL.hasSuffix("/") ? String(configuration.restBaseURL.dropLast()) : configuration.restBaseURL
        self.token = token
        self.userAgent = configuration.userAgent
        self.http = http
        self.limiter = RateLimiter(invalidRequestBudget: configuration.invalidRequestBudget)
        self.serverErrorRetry = serverErrorRetry
        self.logger = logger
    }

    /// An answer: status and body.
    struct Response: Sendable {
        var status: Int
        var body: Data
    }

    /// Sends `route` with `body`; returns a 2xx answer or throws `DiscordError`.
    ///
    /// `repeatable` says whether the request may be sent again after a 5xx or a failed
    /// connection, when the first attempt may have taken effect; by default every method but POST.
    func send(_ route: Route, body: RESTRequestBody = .none, repeatable: Bool? = nil) async throws -> Response {
        guard let tracer else { return try await sendUntraced(route, body: body, repeatable: repeatable) }
        let span = tracer.startSpan("discord \(route)", ofKind: .client)
        span.attributes["http.request.method"] = route.method
        span.attributes["http.route"] = route.template
        defer { span.end() }
        do {
            let response = try await sendUntraced(route, body: body, repeatable: repeatable)
            span.attributes["http.response.status_code"] = response.status
            return response
        } catch {
            span.attributes["trailbrake.error"] = (error as? DiscordError).map { "\($0.code)" } ?? "\(type(of: error))"
            span.setStatus(SpanStatus(code: .error))
            throw error
        }
    }

    private func sendUntraced(_ route: Route, body: RESTRequestBody, repeatable: Bool?) async throws -> Response {
        let repeatable = repeatable ?? (route.method != "POST")
        var rateLimitRetries = 0
        var attempt = 1
        while true {
            let ticket = try await limiter.acquire(route)
            let response: HTTPClientResponse
            let data: Data
            do {
                response = try await http().execute(makeRequest(route, body: body), timeout: Self.requestTimeout)
                data = Data(try await response.body.collect(upTo: 16 * 1_024 * 1_024).readableBytesView)
            } catch let stopped as DiscordError {
                // The bot has stopped and closed its HTTP client.
                await limiter.abandon(ticket)
                throw stopped
            } catch {
                await limiter.abandon(ticket)
                // The error text of the HTTP client holds the URL, which for interactions holds a token.
                let failure = DiscordError.transport("\(route) failed: \(type(of: error))")
                guard repeatable, attempt < serverErrorRetry.attempts, !Task.isCancelled else { throw failure }
                try await pauseBeforeRetry(route, attempt: &attempt, failure: failure.code)
                continue
            }
            let status = Int(response.status.code)
            let headers = RateLimitHeaders { response.headers.first(name: $0) }
            let retryAfter = status == 429 ? (try? JSONDecoder().decode(RateLimitBody.self, from: data))?.retryAfter : nil
            await limiter.update(ticket, status: status, headers: headers, retryAfter: retryAfter)
            switch status {
            case 200..<300:
                return Response(status: status, body: data)
            case 401:
                logger.error("Discord refused the bot token; REST stopped", metadata: ["route": "\(route)"])
                throw DiscordError.unauthorized
            case 429 where rateLimitRetries < Self.maximumRateLimitRetries:
                rateLimitRetries += 1
                logger.warning("rate limited", metadata: [
                    "route": "\(route)", "scope": "\(headers.scope ?? "unknown")", "retry_after": "\(retryAfter ?? 0)",
                ])
                try await Task.sleep(for: .milliseconds(Int64(min(retryAfter ?? 1, 60) * 1_000)))
            case 429:
                throw DiscordError.rateLimited(route: route.description)
            case _ where ServerErrorRetry.isRetryable(status: status) && repeatable && attempt < serverErrorRetry.attempts:
                try await pauseBeforeRetry(route, attempt: &attempt, failure: "HTTP \(status)")
            default:
                // 5xx bodies come from Cloudflare or Envoy as often as from Discord: not always JSON.
                let code = (try? JSONDecoder().decode(DiscordErrorBody.self, from: data))?.code
                throw DiscordError.http(status: status, code: code, route: route.description)
            }
        }
    }

    /// Waits out the backoff before the next attempt and counts it.
    private func pauseBeforeRetry(_ route: Route, attempt: inout Int, failure: String) async throws {
        let delay = serverErrorRetry.delay(beforeRetry: attempt)
        logger.warning("Discord request failed; retrying", metadata: [
            "route": "\(route)", "failure": "\(failure)", "attempt": "\(attempt)", "retry_in": "\(delay)",
        ])
        attempt += 1
        try await Task.sleep(for: delay)
    }

    private func makeRequest(_ route: Route, body: RESTRequestBody) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: baseURL + route.path)
        request.method = HTTPMethod(rawValue: route.method)
        request.headers.add(name: "Authorization", value: token.authorizationHeader)
        request.headers.add(name: "User-Agent", value: userAgent)
        switch body {
        case .none:
            break
        case .json(let data):
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(data)
        case .multipart(let form):
            request.headers.add(name: "Content-Type", value: form.contentType)
            request.body = .bytes(form.encoded())
        }
        return request
    }
}

/// Discord's JSON error body (`{code, message, errors?}`).
struct DiscordErrorBody: Decodable {
    var code: Int?
    var message: String?
}
