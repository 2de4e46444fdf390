import Foundation

/// How the bot reaches Discord and paces its posts. Defaults are Discord's production values;
/// tests point both URLs at a loopback fake.
public struct DiscordConfiguration: Sendable {
    /// The application (client) id from the Developer Portal; learnt from READY when nil.
    public var applicationID: String?
    /// REST base, `https://discord.com/api/v10` in production.
    public var restBaseURL: String
    /// Gateway URL to use instead of the one `GET /gateway/bot` returns (tests); nil asks Discord.
    public var gatewayURLOverride: String?
    /// `User-Agent: DiscordBot (url, version)`, which Discord requires.
    public var userAgent: String
    /// Live feed: a channel gets at most one message per this interval.
    public var feedBatchInterval: Duration
    /// Cues below this severity (1 minor ... 3 major) are not posted.
    public var feedMinimumSeverity: Int
    /// Feed events held while Discord is slow; beyond it the oldest are dropped.
    public var feedQueueCapacity: Int
    /// Rejected requests (401/403/429) allowed per 10 minutes before the client pauses;
    /// Discord bans an IP at 10,000.
    public var invalidRequestBudget: Int
    /// Messages read back (1...100, one request) when looking for a result post whose earlier
    /// attempt may have landed.
    public var resultCheckMessages: Int

    public init(
        applicationID: String? = nil, restBaseURL: String = "https://discord.com/api/v10",
        gatewayURLOverride: String? = nil,
        userAgent: String = "DiscordBot (https://github.com/trailbrake/trailbrake, 0.1)",
        feedBatchInterval: Duration = .seconds(5), feedMinimumSeverity: Int = 2, feedQueueCapacity: Int = 256,
        invalidRequestBudget: Int = 5_000, resultCheckMessages: Int = 100
    ) {
        self.applicationID = applicationID
        self.restBaseURL = restBaseURL
        self.gatewayURLOverride = gatewayURLOverride
        self.userAgent = userAgent
        self.feedBatchInterval = feedBatchInterval
        self.feedMinimumSeverity = feedMinimumSeverity
        self.feedQueueCapacity = feedQueueCapacity
        self.invalidRequestBudget = invalidRequestBudget
        self.resultCheckMessages = resultCheckMessages
    }
}
