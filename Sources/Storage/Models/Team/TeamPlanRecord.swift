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

/// One DM of a publish: to whom, what, and its unique key (at most one queued DM per key).
public struct TeamPlanMessage: Sendable, Hashable {
    public var recipientID: String
    public var content: String

    public init(recipientID: String, content: String) {
        self.recipientID = recipientID
        self.content = content
    }
}

/// One entry of the team audit log.
public struct TeamAuditEntry: Sendable, Hashable {
    public enum Action: String, Sendable {
        /// A Discord role mapped to a team role (`subject`: the role id), or unmapped.
        case roleMap = "role_map"
        /// A member's team role changed, seen at their interaction (`subject`: the user id).
        case memberRole = "member_role"
        case eventCreate = "event_create"
        /// The guild's language changed.
        case language
        /// A plan published (`subject`: the event id; `after`: the version).
        case planPublish = "plan_publish"
    }

    public var guildID: String
    public var at: Date
    public var actorID: String
    public var action: Action
    public var subject: String?
    public var before: String?
    public var after: String?

    public init(
        guildID: String, at: Date = Date(), actorID: String, action: Action, subject: String? = nil, before: String? = nil,
        after: String? = nil
    ) {
        self.guildID = guildID
        self.at = at
        self.actorID = actorID
        self.action = action
        self.subject = subject
        self.before = before
        self.after = after
    }
}
