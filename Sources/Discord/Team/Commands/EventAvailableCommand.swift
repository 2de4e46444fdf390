import EndurancePlanner
import Foundation
import Storage

/// `/event available`: a span on the driver's own clock (day, hour, hours), checked against the
/// calendar of their zone and stored as marked; the planner turns it into UTC.
struct EventAvailableCommand {
    let context: TeamCommandContext
    static let maxHours = 48

    func available() async throws -> LeagueReply {
        let event = try await context.event()
        guard let registration = try await context.repository.registration(
            guildID: context.guildID, eventID: event.eventID, userID: context.userID)
        else { return context.answer(.notSignedUp, ["event": String(event.eventID)]) }
        let day = context.text("day").split(separator: "-").compactMap { Int($0) }
        let hour = Int(context.interaction.integer("hour") ?? -1)
        let hours = Int(context.interaction.integer("hours") ?? 0)
        guard day.count == 3, (1...Self.maxHours).contains(hours) else { return context.answer(.invalidSpan, ["max": String(Self.maxHours)]) }
        let span = TeamAvailabilitySpan(year: day[0], month: day[1], day: day[2], hour: hour, hours: hours, preferred: context.flag("preferred"))
        guard let range = try? LocalAvailability.ranges([TeamPlanning.localSpan(span)], timeZone: registration.timeZone).first else {
            return context.answer(.invalidSpan, ["max": String(Self.maxHours)])
        }
        let count = try await context.repository.addAvailability(span, guildID: context.guildID, eventID: event.eventID, userID: context.userID)
        let times = TeamTimeFormat(zoneName: registration.timeZone, language: context.strings.language)
        return context.answer(.availableAdded, [
            "from": times.dateTime(range.start), "to": times.end(range.end, after: range.start), "zone": registration.timeZone,
            "count": String(count),
        ])
    }
}
