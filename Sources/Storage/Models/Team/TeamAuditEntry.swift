import Foundation

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
