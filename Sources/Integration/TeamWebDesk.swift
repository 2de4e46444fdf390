/// What the team event pages ask of the Discord side (docs/team.md, "On the web"): a member's
/// team role worked out from their Discord roles by the same rule the bot applies at each
/// interaction, and broadcasts queued on the bot's DM queue with the command's limits. The bot
/// implements it; `trailbrake serve` hands it to the server, which sees only this protocol.
public protocol TeamWebDesk: Sendable {
    /// The team role (`owner`, `admin`, `member`, `guest`) of a Discord user in a guild, from the
    /// guild member Discord returns now (`fresh`) or as fetched within the last few seconds.
    /// A user who is not in the guild is a guest.
    func teamRole(guildID: String, userID: String, fresh: Bool) async throws -> String

    /// Queues a broadcast for an event's drivers, one car's crew or a team role, sent by `senderID`.
    func broadcast(_ request: TeamWebBroadcast) async throws -> TeamWebBroadcast.Outcome

    /// The longest message a broadcast may carry, in characters.
    var maxBroadcastLength: Int { get }
}

/// A broadcast as an admin writes it on the event page.
public struct TeamWebBroadcast: Sendable, Hashable {
    public enum Audience: Sendable, Hashable {
        /// Every driver signed up for the event.
        case drivers
        /// The crew of the event's car with this id.
        case car(String)
        /// The team members whose role (as last seen) is this one or above.
        case role(String)
    }

    public enum Outcome: Sendable, Hashable {
        case queued(id: Int, recipients: Int)
        /// Empty, or longer than `maxBroadcastLength` once control characters are removed.
        case invalidMessage
        /// `max_broadcasts_per_day` reached for the guild.
        case limitReached
        /// Nobody in the audience (or no such car or role).
        case nobody
    }

    public var guildID: String, eventID: Int, senderID: String, audience: Audience, message: String
    /// `en` or `tr`: the language the audience is described in (the admin's page).
    public var language: String

    public init(guildID: String, eventID: Int, senderID: String, audience: Audience, message: String, language: String) {
        (self.guildID, self.eventID, self.senderID, self.audience, self.message, self.language) =
            (guildID, eventID, senderID, audience, message, language)
    }
}
