import Foundation

/// Checks a plan against the event's constraints: the planner's own output, and a plan an
/// admin edited before publishing it (the same rules, so an edit cannot break one quietly).
public enum PlanChecker {
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        public var constraint: PlanningConstraint
        public var detail: String

        public var description: String { "\(constraint.rawValue): \(detail)" }
    }

    public static func violations(of plan: StintPlan, event: EnduranceEvent, drivers: [PlanningDriver]) -> [Violation] {
        var found: [Violation] = []
        let byID = Dictionary(drivers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let expected = StintSlot.slots(for: event)
        for (carIndex, car) in event.cars.enumerated() {
            let wanted = expected.filter { $0.carIndex == carIndex }.map { [$0.number: $0.time] }
            let planned = plan.cars.first { $0.carID == car.id }?.stints ?? []
            if planned.map({ [$0.number: $0.time] }) != wanted {
                found.append(Violation(constraint: .eventSetup, detail: "car \(car.name) does not have exactly the event's \(wanted.count) stints"))
            }
            let crew = Set(car.crew)
            for stint in planned {
                guard let driver = byID[stint.driver] else {
                    found.append(Violation(constraint: .eventSetup, detail: "\(stint.driver) drives car \(car.name) stint \(stint.number) without having signed up"))
                    continue
                }
                if !crew.isEmpty && !crew.contains(driver.id) {
                    found.append(Violation(constraint: .eventSetup, detail: "\(driver.name) is not in car \(car.name)'s crew"))
                }
                if let refusal = EntryCheck.refusal(driver.licences, category: car.category, limits: event.limits) {
                    found.append(Violation(constraint: .entryLimits, detail: "\(driver.name) may not drive car \(car.name): \(refusal)"))
                }
                if !driver.isAvailable(for: stint.time) {
                    found.append(Violation(constraint: .availability, detail: "\(driver.name) is not free for car \(car.name) stint \(stint.number) (\(stint.time))"))
                }
            }
        }
        found += driverLimitViolations(plan, event: event, byID: byID)
        found += spotterViolations(plan, event: event, byID: byID)
        return found
    }

    private static func driverLimitViolations(_ plan: StintPlan, event: EnduranceEvent, byID: [DriverID: PlanningDriver]) -> [Violation] {
        var found: [Violation] = []
        let stintsByDriver = Dictionary(grouping: plan.allStints, by: \.stint.driver)
        for (id, stints) in stintsByDriver.sorted(by: { $0.key < $1.key }) {
            let name = byID[id]?.name ?? id.rawValue
            let minutes = stints.reduce(0) { $0 + $1.stint.time.minutes }
            if minutes > event.rules.maxDrivingMinutes {
                found.append(Violation(constraint: .maximumDriving, detail: "\(name) drives \(minutes) minutes (at most \(event.rules.maxDrivingMinutes))"))
            }
            for (earlier, later) in zip(stints, stints.dropFirst()) {
                let gap = later.stint.time.start.timeIntervalSince(earlier.stint.time.end) / 60
                if gap < 0 {
                    found.append(Violation(constraint: .availability, detail: "\(name) drives two cars at once (\(later.stint.time))"))
                } else if gap < Double(event.rules.minRestMinutes) {
                    found.append(Violation(constraint: .minimumRest, detail: "\(name) rests \(Int(gap)) minutes before \(later.stint.time) (at least \(event.rules.minRestMinutes))"))
                }
            }
        }
        return found
    }

    private static func spotterViolations(_ plan: StintPlan, event: EnduranceEvent, byID: [DriverID: PlanningDriver]) -> [Violation] {
        var found: [Violation] = []
        let all = plan.allStints
        for (car, stint) in all {
            guard let spotter = stint.spotter else {
                if event.rules.spotterRequired {
                    found.append(Violation(constraint: .spotter, detail: "car \(car) stint \(stint.number) has no spotter"))
                }
                continue
            }
            let name = byID[spotter]?.name ?? spotter.rawValue
            if byID[spotter]?.isAvailable(for: stint.time) != true {
                found.append(Violation(constraint: .spotter, detail: "\(name) is not free to spot car \(car) stint \(stint.number)"))
            }
            let clash = all.contains { other in
                other.stint.time.overlaps(stint.time) && (other.stint.driver == spotter || (other.stint.spotter == spotter && other.car != car))
            }
            if clash {
                found.append(Violation(constraint: .spotter, detail: "\(name) spots car \(car) stint \(stint.number) while driving or spotting another"))
            }
        }
        return found
    }
}
