import Foundation

/// A stored plan: the proposal (version 0) or a published version (1, 2...). `planJSON` is the
/// planner's `StintPlan`, kept as given.
public struct TeamPlanRecord: Sendable, Hashable {
    public var guildID: String
    public var eventID: Int
    public var version: Int
    public var planJSON: String
    public var createdBy: String
    public var createdAt: Date

    public var isPublished: Bool { version > 0 }

    public init(guildID: String, eventID: Int, version: Int, planJSON: String, createdBy: String, createdAt: Date) {
        self.guildID = guildID
        self.eventID = eventID
        self.version = version
        self.planJSON = planJSON
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
