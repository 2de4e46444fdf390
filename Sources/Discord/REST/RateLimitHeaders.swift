import Foundation

/// The `X-RateLimit-*` headers of one response, as the limiter needs them.
struct RateLimitHeaders: Sendable, Equatable {
    var bucket: String?
    var limit: Int?
    var remaining: Int?
    /// Seconds until the bucket refills (`X-RateLimit-Reset-After`, may have decimals).
    var resetAfter: Double?
    /// When the bucket refills, epoch seconds (`X-RateLimit-Reset`).
    var reset: Double?
    var isGlobal: Bool
    /// `user`, `global` or `shared` (429 only).
    var scope: String?

    init(bucket: String? = nil, limit: Int? = nil, remaining: Int? = nil, resetAfter: Double? = nil, reset: Double? = nil,
         isGlobal: Bool = false, scope: String? = nil) {
        self.reset = reset
        self.bucket = bucket
        self.limit = limit
        self.remaining = remaining
        self.resetAfter = resetAfter
        self.isGlobal = isGlobal
        self.scope = scope
    }

    /// Reads the headers by case-insensitive name; a malformed number reads as absent.
    init(header: (String) -> String?) {
        self.init(
            bucket: header("x-ratelimit-bucket"),
            limit: header("x-ratelimit-limit").flatMap { Int($0) },
            remaining: header("x-ratelimit-remaining").flatMap { Int($0) },
            resetAfter: header("x-ratelimit-reset-after").flatMap { Double($0) }.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil },
            reset: header("x-ratelimit-reset").flatMap { Double($0) }.flatMap { $0.isFinite ? $0 : nil },
            isGlobal: header("x-ratelimit-global")?.lowercased() == "true",
            scope: header("x-ratelimit-scope")?.lowercased())
    }
}

/// The body of a 429.
struct RateLimitBody: Decodable, Sendable {
    var retryAfter: Double
    var global: Bool?

    enum CodingKeys: String, CodingKey {
        case retryAfter = "retry_after"
        case global
    }
}
