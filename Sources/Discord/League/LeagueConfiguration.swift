/// The limits of the league-numbers feature (`[league]` in config/trailbrake.toml), each
/// explicit so hostile or careless use stays bounded.
public struct LeagueConfiguration: Sendable, Equatable {
    /// Minutes between scheduled syncs of a guild that has not chosen its own interval.
    public var defaultSyncIntervalMinutes: Int
    /// The shortest interval an admin may choose (`/config syncinterval`).
    public var minimumSyncIntervalMinutes: Int
    /// Guilds synced per cycle of the sync service; `/sync` requests come first.
    public var guildsPerSyncCycle: Int
    /// A guild's `/sync` is refused this long after its previous one.
    public var manualSyncCooldownSeconds: Int
    /// `/sync` and `/link` requests waiting for the sync service at once; more are refused.
    public var maxWaitingSyncRequests: Int
    /// A roster with more members is refused (`roster_too_large`).
    public var maxRosterMembers: Int
    /// The most numbers an admin may allow per member (`/config perperson`).
    public var maxNumbersPerMember: Int
    /// Lines per `/roster` page (each page also stays under Discord's 2,000 characters).
    public var rosterPageLines: Int
    /// The largest `/auditlog` LIMIT.
    public var auditLogMaxEntries: Int
    /// `/link` checks against the stored roster when it is younger than this, else syncs first.
    public var linkRosterMaxAgeSeconds: Int
    /// Claim and release announcements waiting to be posted; beyond it the oldest are dropped.
    public var announcementQueueCapacity: Int

    public init(
        defaultSyncIntervalMinutes: Int = 360, minimumSyncIntervalMinutes: Int = 15, guildsPerSyncCycle: Int = 5,
        manualSyncCooldownSeconds: Int = 60, maxWaitingSyncRequests: Int = 32, maxRosterMembers: Int = 5_000,
        maxNumbersPerMember: Int = 5, rosterPageLines: Int = 25, auditLogMaxEntries: Int = 50, linkRosterMaxAgeSeconds: Int = 600,
        announcementQueueCapacity: Int = 64
    ) {
        self.defaultSyncIntervalMinutes = defaultSyncIntervalMinutes
        self.minimumSyncIntervalMinutes = minimumSyncIntervalMinutes
        self.guildsPerSyncCycle = guildsPerSyncCycle
        self.manualSyncCooldownSeconds = manualSyncCooldownSeconds
        self.maxWaitingSyncRequests = maxWaitingSyncRequests
        self.maxRosterMembers = maxRosterMembers
        self.maxNumbersPerMember = maxNumbersPerMember
        self.rosterPageLines = rosterPageLines
        self.auditLogMaxEntries = auditLogMaxEntries
        self.linkRosterMaxAgeSeconds = linkRosterMaxAgeSeconds
        self.announcementQueueCapacity = announcementQueueCapacity
    }

    /// The longest interval an admin may choose: a week.
    public static let maximumSyncIntervalMinutes = 10_080
}
