/// The bounds the team store keeps (`[team]` in config/trailbrake.toml); a change past one
/// fails with `StorageError.limitReached` naming it.
public struct TeamLimits: Sendable, Equatable {
    /// Events a guild holds (this slice has no deletion, so: events it may create).
    public var eventsPerGuild: Int
    /// Drivers signed up for one event.
    public var driversPerEvent: Int
    /// Marked spans per driver and event.
    public var spansPerDriver: Int
    /// Cars per event.
    public var carsPerEvent: Int
    /// Discord roles mapped per guild.
    public var rolesPerGuild: Int
    /// Characters of an event's name, its track or a car's name (counted in Unicode scalars).
    public var textLength: Int
    /// Published versions of one event's plan (each publish DMs every driver).
    public var versionsPerEvent: Int

    public init(
        eventsPerGuild: Int = 20, driversPerEvent: Int = 60, spansPerDriver: Int = 24, carsPerEvent: Int = 4,
        rolesPerGuild: Int = 25, textLength: Int = 80, versionsPerEvent: Int = 50
    ) {
        self.eventsPerGuild = eventsPerGuild
        self.driversPerEvent = driversPerEvent
        self.spansPerDriver = spansPerDriver
        self.carsPerEvent = carsPerEvent
        self.rolesPerGuild = rolesPerGuild
        self.textLength = textLength
        self.versionsPerEvent = versionsPerEvent
    }
}
