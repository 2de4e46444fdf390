import Foundation

/// How often and how far back the poller looks.
public struct ResultsPollerSettings: Sendable, Equatable {
    /// Time between the starts of two cycles.
    public var pollInterval: Duration
    /// A session that started this long before its driver was tracked is never posted: the
    /// longest iRacing events run 24 hours, so a race in progress when `/track` ran still is.
    public var lookbackBeforeTracking: TimeInterval
    /// Fetch and store each tracked driver's laps of the main event (reference-lap candidates).
    public var storeLapData: Bool
    /// Members whose recent races are fetched at the same time (the client bounds requests).
    public var concurrentMembers: Int

    public init(
        pollInterval: Duration = .seconds(300), lookbackBeforeTracking: TimeInterval = 86_400, storeLapData: Bool = true,
        concurrentMembers: Int = 8
    ) {
        self.pollInterval = pollInterval
        self.lookbackBeforeTracking = lookbackBeforeTracking
        self.storeLapData = storeLapData
        self.concurrentMembers = concurrentMembers
    }
}
