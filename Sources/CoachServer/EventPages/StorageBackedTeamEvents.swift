import EndurancePlanner
import Foundation
import Integration
import Storage
import WebPages

/// The team event pages on the team tables: a driver reaches their teams through the Discord
/// accounts that sign in as them (`discord_sign_in_users`); a guild is theirs when one of those
/// accounts is a team member there (seen at an interaction) or signed up for one of its events.
public struct StorageBackedTeamEvents: TeamEventBoard {
    let repository: TeamRepository
    let signIns: DiscordSignInRepository
    /// Events listed on `/events`, newest start first.
    let maxEvents: Int
    /// The bot's side: team roles from Discord and broadcasts; nil (no bot) makes nobody an admin on the web.
    let desk: (any TeamWebDesk)?
    /// Broadcasts listed to an admin on the event page, newest first.
    let recentBroadcasts: Int

    public init(
        database: TrailbrakeDatabase, limits: TeamLimits, maxEvents: Int = 100, desk: (any TeamWebDesk)? = nil, recentBroadcasts: Int = 5
    ) {
        repository = TeamRepository(database: database, limits: limits)
        signIns = DiscordSignInRepository(database: database)
        self.maxEvents = maxEvents
        self.desk = desk
        self.recentBroadcasts = recentBroadcasts
    }

    public func events(driverID: Int64) async throws -> EventsPageInput {
        let users = try await signIns.discordUsers(driverID: driverID)
        let visible = try await repository.visibleEvents(discordUsers: users, limit: maxEvents)
        return EventsPageInput(events: visible.map { Self.summary($0.event, signedUp: $0.signedUp) })
    }

    public func event(guildID: String, eventID: Int, driverID: Int64) async throws -> EventPageInput? {
        guard let (record, me, users) = try await reader(guildID: guildID, eventID: eventID, driverID: driverID) else { return nil }
        let names = Dictionary(
            try await repository.registrations(guildID: guildID, eventID: eventID).map { ($0.userID, $0.displayName) },
            uniquingKeysWith: { first, _ in first })
        let cars = Dictionary(record.cars.map { ($0.carID, $0.name) }, uniquingKeysWith: { first, _ in first })
        let stored = try await repository.plan(guildID: guildID, eventID: eventID, published: true)
        let plan = try stored.map { try JSONDecoder().decode(StintPlan.self, from: Data($0.planJSON.utf8)) }
        let stints = (plan?.allStints ?? []).map { entry in
            EventPageInput.Stint(
                car: cars[entry.car] ?? entry.car, number: entry.stint.number, start: entry.stint.time.start, end: entry.stint.time.end,
                driver: names[entry.stint.driver.rawValue] ?? "?", spotter: entry.stint.spotter.map { names[$0.rawValue] ?? "?" },
                mine: entry.stint.driver.rawValue == me?.userID)
        }
        let captains = (plan?.cars ?? []).compactMap { car in
            car.captain.map { (car: cars[car.carID] ?? car.carID, name: names[$0.rawValue] ?? "?") }
        }
        var marked: [EventPageInput.Span] = []
        if let me {
            for span in try await repository.availability(guildID: guildID, eventID: eventID)[me.userID] ?? [] {
                for range in (try? LocalAvailability.ranges([Self.local(span)], timeZone: me.timeZone)) ?? [] {
                    marked.append(EventPageInput.Span(start: range.start, end: range.end, preferred: span.preferred))
                }
            }
        }
        var input = EventPageInput(
            event: Self.summary(record, signedUp: me != nil), version: stored?.version, captains: captains, stints: stints,
            signUpZone: me?.timeZone, marked: marked)
        let guildLanguage = try await repository.language(guildID: guildID).rawValue
        input.teamLanguage = me?.language.flatMap(WebLanguage.init(rawValue:)) ?? WebLanguage(rawValue: guildLanguage)
        // A page view may use roles fetched a few seconds ago; Discord not answering hides the form.
        if let desk, (try? await adminAccount(guildID: guildID, users: users, fresh: false)) != nil {
            let recent = try await repository.recentBroadcasts(guildID: guildID, limit: recentBroadcasts).map { status in
                EventBroadcastPanel.Sent(
                    id: status.broadcastID, audience: status.audience, delivered: status.delivered, waiting: status.waiting,
                    closed: status.closed.map { names[$0] ?? $0 })
            }
            input.broadcast = EventBroadcastPanel(cars: record.cars.map { ($0.carID, $0.name) }, maxLength: desk.maxBroadcastLength, recent: recent)
        }
        return input
    }

    public func broadcast(
        guildID: String, eventID: Int, driverID: Int64, to audience: TeamWebBroadcast.Audience, message: String, language: WebLanguage
    ) async throws -> EventBroadcastPanel.Outcome? {
        // The cached roles first, so a non-admin's posts cost Discord no request; then Discord
        // now, so a role taken away stops the broadcast at once.
        guard let desk, let (_, _, users) = try await reader(guildID: guildID, eventID: eventID, driverID: driverID),
            try await adminAccount(guildID: guildID, users: users, fresh: false) != nil,
            let sender = try await adminAccount(guildID: guildID, users: users, fresh: true)
        else { return nil }
        let request = TeamWebBroadcast(
            guildID: guildID, eventID: eventID, senderID: sender, audience: audience, message: message, language: language.rawValue)
        return switch try await desk.broadcast(request) {
        case .queued(let id, let recipients): .queued(id: id, recipients: recipients)
        case .invalidMessage: .invalidMessage
        case .limitReached: .limitReached
        case .nobody: .nobody
        }
    }

    /// The reader's Discord account with the highest team role in the guild, when that is admin
    /// or above (the role worked out by the bot's rule from Discord's member record).
    private func adminAccount(guildID: String, users: [String], fresh: Bool) async throws -> String? {
        guard let desk else { return nil }
        var best: (user: String, role: TeamRole)?
        for user in users {
            let role = TeamRole(rawValue: try await desk.teamRole(guildID: guildID, userID: user, fresh: fresh)) ?? .guest
            if role >= .admin, role > (best?.role ?? .guest) { best = (user, role) }
        }
        return best?.user
    }

    public func markAvailable(guildID: String, eventID: Int, driverID: Int64, span: MarkedSpan) async throws -> EventPageInput.Outcome? {
        guard let (_, me, _) = try await reader(guildID: guildID, eventID: eventID, driverID: driverID) else { return nil }
        guard let me else { return .notSignedUp }
        let stored = TeamAvailabilitySpan(
            year: span.year, month: span.month, day: span.day, hour: span.hour, hours: span.hours, preferred: span.preferred)
        // The same check as `/event available`: the span must exist on the driver's own calendar.
        guard (1...48).contains(span.hours), (try? LocalAvailability.ranges([Self.local(stored)], timeZone: me.timeZone)) != nil else {
            return .invalidSpan
        }
        do { try await repository.addAvailability(stored, guildID: guildID, eventID: eventID, userID: me.userID) } catch StorageError
            .limitReached
        {
            return .limitReached
        }
        return .marked
    }

    /// The event when the driver may see it, with their sign-up (nil: a team member who has not
    /// signed up) and their Discord accounts.
    private func reader(guildID: String, eventID: Int, driverID: Int64) async throws -> (TeamEventRecord, TeamRegistration?, [String])? {
        let users = try await signIns.discordUsers(driverID: driverID)
        let visible = try await repository.visibleEvents(discordUsers: users, limit: Int.max)
        guard let record = visible.first(where: { $0.event.guildID == guildID && $0.event.eventID == eventID })?.event else { return nil }
        for user in users {
            if let registration = try await repository.registration(guildID: guildID, eventID: eventID, userID: user) {
                return (record, registration, users)
            }
        }
        return (record, nil, users)
    }

    static func summary(_ record: TeamEventRecord, signedUp: Bool) -> EventsPageInput.Event {
        EventsPageInput.Event(
            guildID: record.guildID, eventID: record.eventID, name: record.name, track: record.track, start: record.start,
            lengthMinutes: record.lengthMinutes, signedUp: signedUp)
    }

    static func local(_ span: TeamAvailabilitySpan) -> LocalAvailability.Span {
        LocalAvailability.Span(year: span.year, month: span.month, day: span.day, hour: span.hour, hours: span.hours)
    }
}
