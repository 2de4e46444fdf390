import EndurancePlanner
import Foundation
import Storage

/// A plan as text for one reader: the table of `/event show` and a driver's DM, in the
/// reader's language and time zone.
struct PlanText: Sendable {
    let strings: TeamStrings
    let times: TeamTimeFormat
    let carNames: [String: String]

    init(strings: TeamStrings, times: TeamTimeFormat, event: TeamEventRecord) {
        self.strings = strings
        self.times = times
        self.carNames = Dictionary(event.cars.map { ($0.carID, LeagueFormat.name($0.name)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Captains first, then every stint in the order they start.
    func tableLines(_ plan: StintPlan) -> [String] {
        let captains = plan.cars.compactMap { car in
            car.captain.map { strings(.tableCaptain, ["car": carName(car.carID), "captain": LeagueFormat.user($0.rawValue)]) }
        }
        let stints = plan.allStints.map { entry in
            var line = strings(.tableLine, [
                "from": times.dateTime(entry.stint.time.start), "to": times.end(entry.stint.time.end, after: entry.stint.time.start),
                "car": carName(entry.car), "number": String(entry.stint.number), "driver": LeagueFormat.user(entry.stint.driver.rawValue),
            ])
            if let spotter = entry.stint.spotter { line += strings(.tableSpotter, ["spotter": LeagueFormat.user(spotter.rawValue)]) }
            return line
        }
        return captains + stints
    }

    /// A driver's DM: the event, the version, their stints and spotting turns.
    func directMessage(_ plan: StintPlan, driver: DriverID, event: TeamEventRecord, version: Int) -> String {
        var lines = [
            strings(.dmHeader, ["name": LeagueFormat.name(event.name), "track": LeagueFormat.name(event.track), "version": String(version)]),
            strings(.dmZone, ["zone": times.zoneName]),
        ]
        let driving = plan.stints(drivenBy: driver)
        let spotting = plan.allStints.filter { $0.stint.spotter == driver }
        let captaining = plan.cars.filter { $0.captain == driver }
        if driving.isEmpty, spotting.isEmpty, captaining.isEmpty { lines.append(strings(.dmNoStints)) }
        for (key, entries) in [(TeamText.dmStint, driving), (.dmSpotting, spotting)] {
            for entry in entries {
                lines.append(strings(key, [
                    "car": carName(entry.car), "number": String(entry.stint.number), "from": times.dateTime(entry.stint.time.start),
                    "to": times.end(entry.stint.time.end, after: entry.stint.time.start),
                ]))
            }
        }
        for car in captaining { lines.append(strings(.dmCaptain, ["car": carName(car.carID)])) }
        return lines.joined(separator: "\n")
    }

    /// One reminder per stint the driver drives, each a DM sent a lead time before the stint.
    func reminders(_ plan: StintPlan, driver: DriverID, event: TeamEventRecord) -> [TeamReminder] {
        plan.stints(drivenBy: driver).map { entry in
            TeamReminder(
                userID: driver.rawValue, carID: entry.car, stintNumber: entry.stint.number, startsAt: entry.stint.time.start,
                content: strings(.reminder, [
                    "name": LeagueFormat.name(event.name), "car": carName(entry.car), "number": String(entry.stint.number),
                    "from": times.dateTime(entry.stint.time.start), "to": times.end(entry.stint.time.end, after: entry.stint.time.start),
                    "zone": times.zoneName,
                ]))
        }
    }

    private func carName(_ id: String) -> String { carNames[id] ?? LeagueFormat.name(id) }
}
