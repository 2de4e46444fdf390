import Foundation

/// A driver who shared their coaching with a team (`/coach link` in the team's guild), as a
/// member of that team sees them on the web `/team` page.
public struct SharedDriver: Sendable, Equatable {
    public var guildID: String
    public var driverID: Int64
    public var name: String

    public init(guildID: String, driverID: Int64, name: String) {
        self.guildID = guildID
        self.driverID = driverID
        self.name = name
    }
}

/// A team-mate's message to a driver and what became of it.
public struct TeamMessageRecord: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        case waiting
        case said
        case notSaid = "not_said"
    }

    public var id: Int64
    public var driverID: Int64
    public var senderName: String
    public var text: String
    public var createdAt: Date
    public var outcome: Outcome
    public var saidAt: Date?
    public var lapNumber: Int?
    public var lapDistance: Double?

    public init(
        id: Int64, driverID: Int64, senderName: String, text: String, createdAt: Date, outcome: Outcome, saidAt: Date? = nil,
        lapNumber: Int? = nil, lapDistance: Double? = nil
    ) {
        self.id = id
        self.driverID = driverID
        self.senderName = senderName
        self.text = text
        self.createdAt = createdAt
        self.outcome = outcome
        self.saidAt = saidAt
        self.lapNumber = lapNumber
        self.lapDistance = lapDistance
    }
}

/// One of a shared driver's newest stored laps.
public struct SharedLap: Sendable, Equatable {
    public var lapID: Int64
    public var lapNumber: Int
    public var lapTime: Double?
    public var isValid: Bool

    public init(lapID: Int64, lapNumber: Int, lapTime: Double?, isValid: Bool) {
        self.lapID = lapID
        self.lapNumber = lapNumber
        self.lapTime = lapTime
        self.isValid = isValid
    }
}
