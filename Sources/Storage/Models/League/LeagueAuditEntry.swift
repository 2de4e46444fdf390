import Foundation

/// One line of a guild's audit log: who changed what, when, from what to what.
public struct LeagueAuditEntry: Sendable, Equatable {
    public var id: Int64
    public var guildID: String
    public var at: Date
    /// The Discord user who made the change; nil for the scheduled sync.
    public var actorID: String?
    public var action: LeagueAuditAction
    public var number: String?
    /// The member the change is about (the holder of a number), when not the actor.
    public var subjectID: String?
    /// The setting (config) or "state" (sync).
    public var field: String?
    public var before: String?
    public var after: String?

    public init(
        id: Int64 = 0, guildID: String, at: Date, actorID: String?, action: LeagueAuditAction, number: String? = nil,
        subjectID: String? = nil, field: String? = nil, before: String? = nil, after: String? = nil
    ) {
        self.id = id
        self.guildID = guildID
        self.at = at
        self.actorID = actorID
        self.action = action
        self.number = number
        self.subjectID = subjectID
        self.field = field
        self.before = before
        self.after = after
    }
}

/// The kinds of change the audit log records (stored as these codes).
public enum LeagueAuditAction: String, Sendable, CaseIterable {
    case claim
    case release
    case forceRelease = "force_release"
    case assign
    case link
    case config
    /// A claim's sync state changed.
    case sync
}
