import Integration
import WebPages

/// The team event pages' data (docs/team.md, "On the web"): the events a signed-in driver's
/// Discord accounts may see, one event's plan and marked hours for them, and hours they mark.
public protocol TeamEventBoard: Sendable {
    func events(driverID: Int64) async throws -> EventsPageInput
    /// nil: no such event, or not one of the driver's teams (the same 404).
    func event(guildID: String, eventID: Int, driverID: Int64) async throws -> EventPageInput?
    /// Marks a span on the driver's own clock (the zone they signed up with); nil: the event is
    /// not theirs to see.
    func markAvailable(guildID: String, eventID: Int, driverID: Int64, span: MarkedSpan) async throws -> EventPageInput.Outcome?
    /// Queues a broadcast from the event page, the driver's team role checked with Discord now;
    /// nil: the event is not theirs to see or they are not a team admin (the same 404).
    func broadcast(
        guildID: String, eventID: Int, driverID: Int64, to audience: TeamWebBroadcast.Audience, message: String, language: WebLanguage
    ) async throws -> EventBroadcastPanel.Outcome?
}

/// A span of hours as the form sends it: a day, the hour it starts and how many hours.
public struct MarkedSpan: Sendable, Hashable {
    public var year: Int, month: Int, day: Int, hour: Int, hours: Int, preferred: Bool

    public init(year: Int, month: Int, day: Int, hour: Int, hours: Int, preferred: Bool) {
        (self.year, self.month, self.day, self.hour, self.hours, self.preferred) = (year, month, day, hour, hours, preferred)
    }
}
