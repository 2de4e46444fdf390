import Foundation

/// An endurance event as a team plans it: when, how long, how stints are cut, the limits a
/// driver must meet and the team's cars.
public struct EnduranceEvent: Sendable, Hashable, Codable {
    public var name: String
    public var track: String
    /// The green flag, UTC.
    public var start: Date
    public var lengthMinutes: Int
    /// Every stint has this length except the last, which ends with the race.
    public var stintMinutes: Int
    public var limits: EntryLimits
    public var rules: CrewRules
    public var cars: [TeamCar]

    public init(
        name: String, track: String, start: Date, lengthMinutes: Int, stintMinutes: Int,
        limits: EntryLimits = EntryLimits(), rules: CrewRules = CrewRules(), cars: [TeamCar]
    ) {
        self.name = name
        self.track = track
        self.start = start
        self.lengthMinutes = lengthMinutes
        self.stintMinutes = stintMinutes
        self.limits = limits
        self.rules = rules
        self.cars = cars
    }

    public var race: TimeRange { TimeRange(start: start, minutes: lengthMinutes) }
}

/// One of the team's cars (a crew). `crew` lists the drivers who may drive it; empty means
/// every registered driver may.
public struct TeamCar: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// The licence category whose iRating and licence the limits are checked against
    /// (a GT3 car: `sports_car`).
    public var category: LicenceCategory
    public var crew: [DriverID]
    /// A captain chosen by the admins; nil lets the planner choose (the crew's driver with the
    /// most stints in that car).
    public var captain: DriverID?

    public init(id: String, name: String, category: LicenceCategory, crew: [DriverID] = [], captain: DriverID? = nil) {
        self.id = id
        self.name = name
        self.category = category
        self.crew = crew
        self.captain = captain
    }
}

/// The rules a plan keeps for every driver.
public struct CrewRules: Sendable, Hashable, Codable {
    /// The most a driver may drive over the whole event, in minutes (iRacing's special events
    /// set none; teams set one so nobody drives tired).
    public var maxDrivingMinutes: Int
    /// The least time between the end of one of a driver's stints and the start of their next.
    public var minRestMinutes: Int
    /// Whether every stint needs a spotter (someone available who is not driving then).
    public var spotterRequired: Bool

    public init(maxDrivingMinutes: Int = 6 * 60, minRestMinutes: Int = 2 * 60, spotterRequired: Bool = false) {
        self.maxDrivingMinutes = maxDrivingMinutes
        self.minRestMinutes = minRestMinutes
        self.spotterRequired = spotterRequired
    }
}
