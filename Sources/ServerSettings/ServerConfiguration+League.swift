extension ServerConfiguration {
    /// `[league]`: league car numbers in Discord (docs/discord.md, "League car numbers"). Needs
    /// `[discord]`; the roster sync also needs `[iracing]`.
    public struct League: Sendable, Equatable {
        public var enabled = false
        public var syncIntervalMinutes = 360
        public var minSyncIntervalMinutes = 15
        public var guildsPerSyncCycle = 5
        public var manualSyncCooldownSeconds = 60
        public var maxWaitingSyncRequests = 32
        public var maxRosterMembers = 5_000
        public var maxNumbersPerMember = 5
        public var rosterPageLines = 25
        public var auditLogMaxEntries = 50
        public var linkRosterMaxAgeSeconds = 600
        public var announcementQueueCapacity = 64
    }
}

extension ConfigurationKey {
    package static let league: [ConfigurationKey] = [
        .boolean("league", "enabled", \.league.enabled),
        // Each sync costs two iRacing requests per guild (the roster and its file).
        .integer("league", "sync_interval_minutes", \.league.syncIntervalMinutes, range: 1...10_080),
        .integer("league", "min_sync_interval_minutes", \.league.minSyncIntervalMinutes, range: 1...10_080),
        .integer("league", "guilds_per_sync_cycle", \.league.guildsPerSyncCycle, range: 1...1_000),
        .integer("league", "manual_sync_cooldown_seconds", \.league.manualSyncCooldownSeconds, range: 0...86_400),
        .integer("league", "max_waiting_sync_requests", \.league.maxWaitingSyncRequests, range: 1...10_000),
        .integer("league", "max_roster_members", \.league.maxRosterMembers, range: 1...1_000_000),
        // A member holding more than a handful of numbers is an admin's business (/assign).
        .integer("league", "max_numbers_per_member", \.league.maxNumbersPerMember, range: 1...100),
        // 25 lines of about 70 characters stay under Discord's 2,000 per message.
        .integer("league", "roster_page_lines", \.league.rosterPageLines, range: 1...100),
        .integer("league", "audit_log_max_entries", \.league.auditLogMaxEntries, range: 1...100),
        .integer("league", "link_roster_max_age_seconds", \.league.linkRosterMaxAgeSeconds, range: 0...604_800),
        .integer("league", "announcement_queue_capacity", \.league.announcementQueueCapacity, range: 1...100_000),
    ]
}
