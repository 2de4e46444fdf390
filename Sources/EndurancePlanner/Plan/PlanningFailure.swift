import Foundation

/// The constraints a plan keeps; a failure names the one that cannot be met.
public enum PlanningConstraint: String, Sendable, Hashable, Codable {
    case eventSetup = "event_setup"
    case entryLimits = "entry_limits"
    case availability
    case maximumDriving = "maximum_driving"
    case minimumRest = "minimum_rest"
    case spotter
}

/// Why no plan satisfies the event's constraints, said so an admin knows what to change.
public struct PlanningFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var constraint: PlanningConstraint
    public var detail: String
    /// The car and stint concerned, when one stint is the problem.
    public var carID: String?
    public var stintNumber: Int?

    public init(_ constraint: PlanningConstraint, _ detail: String, carID: String? = nil, stintNumber: Int? = nil) {
        self.constraint = constraint
        self.detail = detail
        self.carID = carID
        self.stintNumber = stintNumber
    }

    public var description: String { "\(constraint.rawValue): \(detail)" }
}
