import Storage

/// What a requested sync (`/sync`, or `/link` needing a fresh roster) came to.
public enum LeagueSyncOutcome: Sendable, Equatable {
    case synced(LeagueSyncSummary)
    /// The roster could not be fetched (the iRacing client's code) or stored.
    case failed(code: String)
    /// The guild has no iRacing league set.
    case noLeague
    /// No sync service runs (iRacing is off) or it is stopping.
    case unavailable
    /// The guild synced on request moments ago; try again after this many seconds.
    case coolingDown(seconds: Int)
    /// Too many requests are waiting.
    case busy
}

/// The numbers behind a successful sync.
public struct LeagueSyncSummary: Sendable, Equatable {
    public var leagueID: Int
    public var rosterCount: Int
    /// Claims per state after the sync.
    public var counts: [LeagueSyncState: Int]
    /// Claims whose state changed.
    public var changed: Int
    /// Differences posted to the announcement channel by this sync.
    public var announced: Int
    public var announceChannelID: String?

    public func count(_ state: LeagueSyncState) -> Int { counts[state] ?? 0 }
}
