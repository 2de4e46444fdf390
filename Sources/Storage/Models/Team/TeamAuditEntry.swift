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
        /// An admin changed the plan to publish (`subject`: event:car:stint; `before`/`after`: driver and spotter).
        case planEdit = "plan_edit"
        /// A car's crew or captain changed (`subject`: event:car; `before`/`after`: the crew and captain).
        case crewChange = "crew_change"
        /// An event deleted with its sign-ups, hours, plans and queued DMs (`before`: its name).
        case eventDelete = "event_delete"
        /// A broadcast queued (`subject`: its id; `before`: the audience; `after`: how many recipients).
        case broadcast
        /// A driver marked hours (`subject`: event:user; `after`: the span on their clock), from Discord or the web.
        case availability
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
