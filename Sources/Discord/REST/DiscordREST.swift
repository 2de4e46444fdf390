import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The REST side of Discord: every request carries the bot token and the User-Agent Discord
/// requires, waits for its rate-limit budgets, and retries a 429 after `retry_after`.
public struct DiscordREST: Sendable {
    let baseURL: String
    let token: DiscordToken
    let userAgent: String
    let http: HTTPClient
    let limiter: RateLimiter
    let logger: Logger
    /// 429s retried before giving up on one request.
    static let maximumRateLimitRetries = 5
    static let requestTimeout: TimeAmount = .seconds(30)

    public init(configuration: DiscordConfiguration, token: DiscordToken, http: HTTPClient = .shared, logger: Logger) {
        self.baseURL = configuration.restBaseURL.hasSuffix("/") ? String(configuration.restBaseURL.dropLast()) : configuration.restBaseURL
        self.token = token
        self.userAgent = configuration.userAgent
        self.http = http
        self.limiter = RateLimiter(invalidRequestBudget: configuration.invalidRequestBudget)
        self.logger = logger
    }

    /// An answer: status and body.
    struct Response: Sendable {
        var status: Int
        var body: Data
    }

    /// Sends `route` with `body`; returns a 2xx answer or throws `DiscordError`.
    func send(_ route: Route, body: RESTRequestBody = .none) async throws -> Response {
        var attempt = 0
        while true {
            try await limiter.acquire(route)
            let response: HTTPClientResponse
            let data: Data
            do {
                response = try await http.execute(makeRequest(route, body: body), timeout: Self.requestTimeout)
                data = Data(try await response.body.collect(upTo: 16 * 1_024 * 1_024).readableBytesView)
            } catch {
                await limiter.abandon(route)
                // The error text of the HTTP client holds the URL, which for interactions holds a token.
                throw DiscordError.transport("\(route) failed: \(type(of: error))")
            }
            let status = Int(response.status.code)
            let headers = RateLimitHeaders { response.headers.first(name: $0) }
            let retryAfter = status == 429 ? (try? JSONDecoder().decode(RateLimitBody.self, from: data))?.retryAfter : nil
            await limiter.update(route, status: status, headers: headers, retryAfter: retryAfter)
            switch status {
            case 200..<300:
                return Response(status: status, body: data)
            case 401:
                logger.error("Discord refused the bot token; REST stopped", metadata: ["route": "\(route)"])
                throw DiscordError.unauthorized
            case 429 where attempt < Self.maximumRateLimitRetries:
                attempt += 1
                logger.warning("rate limited", metadata: [
                    "route": "\(route)", "scope": "\(headers.scope ?? "unknown")", "retry_after": "\(retryAfter ?? 0)",
                ])
                try await Task.sleep(for: .milliseconds(Int64(min(retryAfter ?? 1, 60) * 1_000)))
            case 429:
                throw DiscordError.rateLimited(route: route.description)
            default:
                let code = (try? JSONDecoder().decode(DiscordErrorBody.self, from: data))?.code
                throw DiscordError.http(status: status, code: code, route: route.description)
            }
        }
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
