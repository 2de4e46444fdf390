import EndurancePlanner
import Foundation
import Storage

/// Between the store's plain records and the planner's values: the event, the drivers with
/// their hours turned into UTC, the licences and the plan as JSON.
enum TeamPlanning {
    static func event(_ record: TeamEventRecord) -> EnduranceEvent {
        let limits = EntryLimits(
            minIRating: record.minIRating, maxIRating: record.maxIRating,
            minLicence: record.minLicence.flatMap { LicenceClass(rawValue: $0) }, minSafetyRating: record.minSafetyRating)
        let rules = CrewRules(
            maxDrivingMinutes: record.maxDrivingMinutes, minRestMinutes: record.minRestMinutes, spotterRequired: record.spotterRequired)
        let cars: [TeamCar] = record.cars.map { car in
            let category = LicenceCategory(rawValue: car.category) ?? .sportsCar
            let crew: [DriverID] = car.crew.map { DriverID($0) }
            let captain: DriverID? = car.captainID.map { DriverID($0) }
            return TeamCar(id: car.carID, name: car.name, category: category, crew: crew, captain: captain)
        }
        return EnduranceEvent(
            name: record.name, track: record.track, start: record.start, lengthMinutes: record.lengthMinutes,
            stintMinutes: record.stintMinutes, limits: limits, rules: rules, cars: cars)
    }

    /// Each signed-up driver with the hours they marked, in UTC. A span the calendar does not
    /// hold (refused when marked, so only from an older zone database) is left out.
    static func drivers(_ registrations: [TeamRegistration], availability: [String: [TeamAvailabilitySpan]]) -> [PlanningDriver] {
        registrations.map { registration in
            let spans = availability[registration.userID] ?? []
            func ranges(_ marked: [TeamAvailabilitySpan]) -> [TimeRange] {
                marked.flatMap { span in
                    (try? LocalAvailability.ranges([localSpan(span)], timeZone: registration.timeZone)) ?? []
                }
            }
            return PlanningDriver(
                id: DriverID(registration.userID), name: registration.displayName, timeZone: registration.timeZone,
                available: ranges(spans), preferred: ranges(spans.filter(\.preferred)), licences: licences(registration.licencesJSON))
        }
    }

    static func localSpan(_ span: TeamAvailabilitySpan) -> LocalAvailability.Span {
        LocalAvailability.Span(year: span.year, month: span.month, day: span.day, hour: span.hour, hours: span.hours)
    }

    static func licencesJSON(_ licences: [LicenceCategory: MemberLicence]) throws -> String {
        let byName = Dictionary(uniqueKeysWithValues: licences.map { ($0.key.rawValue, $0.value) })
        return String(decoding: try JSONEncoder().encode(byName), as: UTF8.self)
    }

    static func licences(_ json: String) -> [LicenceCategory: MemberLicence] {
        let byName = (try? JSONDecoder().decode([String: MemberLicence].self, from: Data(json.utf8))) ?? [:]
        var result: [LicenceCategory: MemberLicence] = [:]
        for (name, licence) in byName { if let category = LicenceCategory(rawValue: name) { result[category] = licence } }
        return result
    }

    static func planJSON(_ plan: StintPlan) throws -> String {
        String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
    }

    static func plan(_ json: String) throws -> StintPlan {
        try JSONDecoder().decode(StintPlan.self, from: Data(json.utf8))
    }
}
