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

/// Why no plan satisfies the event's constraints, said so an admin knows what to change:
/// `problem` holds the values for a sentence in the reader's language, `detail` is the
/// English one for logs.
public struct PlanningFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var problem: PlanProblem
    /// The car and stint concerned, when one stint is the problem.
    public var carID: String?
    public var stintNumber: Int?
    /// The search's budget of choices when it ran out before it could prove there is no plan
    /// (the failure is then the search's best guess).
    public var searchStoppedAfter: Int?

    public init(_ problem: PlanProblem, carID: String? = nil, stintNumber: Int? = nil, searchStoppedAfter: Int? = nil) {
        self.problem = problem
        self.carID = carID
        self.stintNumber = stintNumber
        self.searchStoppedAfter = searchStoppedAfter
    }

    public var constraint: PlanningConstraint { problem.constraint }

    public var detail: String {
        problem.description + (searchStoppedAfter.map { " (the search stopped after \($0) choices)" } ?? "")
    }

    public var description: String { "\(constraint.rawValue): \(detail)" }
}
