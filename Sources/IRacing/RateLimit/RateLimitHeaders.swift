import Foundation
import NIOHTTP1

/// iRacing's `x-ratelimit-limit`, `-remaining` and `-reset` (Unix seconds). Taken all together
/// or not at all: a partial set says nothing reliable.
struct RateLimitHeaders: Sendable, Equatable {
    var limit: Int
    var remaining: Int
    var reset: Date

    init(limit: Int, remaining: Int, reset: Date) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
    }

    init?(_ headers: HTTPHeaders) {
        guard let limit = headers.first(name: "x-ratelimit-limit").flatMap({ Int($0) }),
            let remaining = headers.first(name: "x-ratelimit-remaining").flatMap({ Int($0) }),
            let resetText = headers.first(name: "x-ratelimit-reset"), let reset = Double(resetText),
            limit > 0, remaining >= 0, reset.isFinite
        else { return nil }
        self.init(limit: limit, remaining: remaining, reset: Date(timeIntervalSince1970: reset))
    }
}
