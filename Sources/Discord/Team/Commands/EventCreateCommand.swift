import EndurancePlanner
import Foundation
import Storage

/// `/event create`: an event with its cars, every value checked against the configured bounds.
struct EventCreateCommand {
    let context: TeamCommandContext

    func create() async throws -> LeagueReply {
        let configuration = context.configuration
        let limits = configuration.limits
        let name = context.text("name")
        let track = context.text("track")
        guard !name.isEmpty, !track.isEmpty, name.unicodeScalars.count <= limits.textLength, track.unicodeScalars.count <= limits.textLength
        else { return context.answer(.invalidText, ["max": String(limits.textLength)]) }
        guard let start = Self.parseStart(context.text("start")), start > Date() else { return context.answer(.invalidStart) }
        let hours = Int(context.interaction.integer("hours") ?? 0)
        let stint = Int(context.interaction.integer("stint_minutes") ?? 0)
        guard (1...configuration.maxRaceHours).contains(hours), stint >= configuration.minStintMinutes, stint <= hours * 60 else {
            return context.answer(.invalidLength, ["max": String(configuration.maxRaceHours), "min": String(configuration.minStintMinutes)])
        }
        let carCount = Int(context.interaction.integer("cars") ?? 1)
        guard (1...limits.carsPerEvent).contains(carCount) else { return context.answer(.limitReached, ["limit": "cars_per_event"]) }
        let category = context.interaction.string("category").flatMap(LicenceCategory.init(rawValue:)) ?? .sportsCar
        let minLicence = context.interaction.string("min_licence").flatMap { letter in
            LicenceClass.allCases.first { $0.letter == letter }
        }
        let safety = context.number("min_sr").flatMap { $0.isFinite && (0...4.99).contains($0) ? $0 : nil }
        let cars = (1...carCount).map { number in
            TeamCarRecord(carID: "car\(number)", name: context.strings(.carName, ["number": String(number)]), category: category.rawValue)
        }
        let record = TeamEventRecord(
            guildID: context.guildID, name: name, track: track, start: start, lengthMinutes: hours * 60, stintMinutes: stint,
            minIRating: context.interaction.integer("min_irating").map(Int.init), maxIRating: context.interaction.integer("max_irating").map(Int.init),
            minLicence: minLicence?.rawValue, minSafetyRating: safety,
            maxDrivingMinutes: Int(context.interaction.integer("max_driving_hours") ?? 6) * 60,
            minRestMinutes: Int(context.interaction.integer("min_rest_hours") ?? 2) * 60, spotterRequired: context.flag("spotter"),
            cars: cars, createdBy: context.userID)
        let stored = try await context.repository.createEvent(record)
        let times = TeamTimeFormat(zoneName: "UTC", language: context.strings.language)
        return context.answer(.eventCreated, [
            "event": String(stored.eventID), "name": LeagueFormat.name(name), "track": LeagueFormat.name(track),
            "start": LeagueFormat.time(start) + " (\(times.dateTime(start)) UTC)", "hours": String(hours), "stint": String(stint),
            "cars": String(carCount),
        ])
    }

    /// "2026-06-13 14:00", "2026-06-13T14:00" or with a trailing "Z", always UTC.
    static func parseStart(_ text: String) -> Date? {
        var value = text.replacingOccurrences(of: "T", with: " ")
        if value.hasSuffix("Z") { value.removeLast() }
        let parts = value.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, clock.count == 2, (0...23).contains(clock[0]), (0...59).contains(clock[1]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let components = DateComponents(year: day[0], month: day[1], day: day[2], hour: clock[0], minute: clock[1])
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date
    }
}
