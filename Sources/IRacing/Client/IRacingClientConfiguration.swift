import Foundation

/// Where the client connects and how patient it is. Base URLs are settings so tests (and a
/// proxy) can point the client elsewhere.
public struct IRacingClientConfiguration: Sendable, Equatable {
    public var dataBaseURL: String
    public var oauthBaseURL: String
    /// Requests in flight at once, data API and linked files together (iRacing asks for restraint).
    public var maxInFlight: Int
    public var requestTimeout: TimeInterval
    /// Retries of a 5xx, a 503 maintenance or a network failure before giving up.
    public var maxTransientRetries: Int
    public var backoff: Backoff
    /// 429s in a row for one call before giving up (each waits for the reset).
    public var maxRateLimitWaits: Int
    /// Added to the reset time before calling again: the clocks of iRacing and this host differ.
    public var resetMargin: TimeInterval
    /// Used when a 429 carries no reset header.
    public var rateLimitFallbackWait: TimeInterval
    public var circuitBreakerThreshold: Int
    public var circuitBreakerCoolDown: TimeInterval

    public init(
        dataBaseURL: String = "https://members-ng.iracing.com", oauthBaseURL: String = "https://oauth.iracing.com",
        maxInFlight: Int = 4, requestTimeout: TimeInterval = 30, maxTransientRetries: Int = 3,
        backoff: Backoff = Backoff(base: 1, cap: 30), maxRateLimitWaits: Int = 3, resetMargin: TimeInterval = 0.5,
        rateLimitFallbackWait: TimeInterval = 60, circuitBreakerThreshold: Int = 5, circuitBreakerCoolDown: TimeInterval = 120
    ) {
        self.dataBaseURL = dataBaseURL
        self.oauthBaseURL = oauthBaseURL
        self.maxInFlight = maxInFlight
        self.requestTimeout = requestTimeout
        self.maxTransientRetries = maxTransientRetries
        self.backoff = backoff
        self.maxRateLimitWaits = maxRateLimitWaits
        self.resetMargin = resetMargin
        self.rateLimitFallbackWait = rateLimitFallbackWait
        self.circuitBreakerThreshold = circuitBreakerThreshold
        self.circuitBreakerCoolDown = circuitBreakerCoolDown
    }
}
