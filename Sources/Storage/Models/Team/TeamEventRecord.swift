import Foundation

/// An endurance event as stored: the fields of the planner's `EnduranceEvent`, in plain types
/// (Storage does not depend on the planner; the bot maps between the two).
public struct TeamEventRecord: Sendable, Hashable {
    public var guildID: String
    /// Per guild, from 1; given by the store.
    public var eventID: Int
    public var name: String
    public var track: String
    public var start: Date
    public var lengthMinutes: Int
    public var stintMinutes: Int
    public var minIRating: Int?
    public var maxIRating: Int?
    /// iRacing's `group_id` (1 Rookie .. 5 A).
    public var minLicence: Int?
    public var minSafetyRating: Double?
    public var maxDrivingMinutes: Int
    public var minRestMinutes: Int
    public var spotterRequired: Bool
    public var cars: [TeamCarRecord]
    public var createdBy: String

    public init(
        guildID: String, eventID: Int = 0, name: String, track: String, start: Date, lengthMinutes: Int, stintMinutes: Int,
        minIRating: Int? = nil, maxIRating: Int? = nil, minLicence: Int? = nil, minSafetyRating: Double? = nil,
        maxDrivingMinutes: Int, minRestMinutes: Int, spotterRequired: Bool = false, cars: [TeamCarRecord], createdBy: String
    ) {
        self.guildID = guildID
        self.eventID = eventID
        self.name = name
        self.track = track
        self.start = start
        self.lengthMinutes = lengthMinutes
        self.stintMinutes = stintMinutes
        self.minIRating = minIRating
        self.maxIRating = maxIRating
        self.minLicence = minLicence
        self.minSafetyRating = minSafetyRating
        self.maxDrivingMinutes = maxDrivingMinutes
        self.minRestMinutes = minRestMinutes
        self.spotterRequired = spotterRequired
        self.cars = cars
        self.createdBy = createdBy
    }
}

/// One team car of an event: its licence category (`sports_car`...), its crew (Discord user
/// ids; empty: every registered driver) and its captain.
public struct TeamCarRecord: Sendable, Hashable {
    public var carID: String
    public var name: String
    public var category: String
    public var crew: [String]
    public var captainID: String?

    public init(carID: String, name: String, category: String, crew: [String] = [], captainID: String? = nil) {
        self.carID = carID
        self.name = name
        self.category = category
        self.crew = crew
        self.captainID = captainID
    }
}
