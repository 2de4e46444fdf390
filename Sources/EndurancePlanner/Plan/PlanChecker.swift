import Foundation

/// Checks a plan against the event's constraints: the planner's own output, and a plan an
/// admin edited before publishing it (the same rules, so an edit cannot break one quietly).
public enum PlanChecker {
    /// A rule the plan breaks: `problem` for a sentence in the reader's language, `detail` in
    /// English for logs.
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        public var problem: PlanProblem

        public init(_ problem: PlanProblem) { self.problem = problem }

        public var constraint: PlanningConstraint { problem.constraint }
        public var detail: String { problem.description }
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
                found.append(Violation(.stintCountDiffers(car: car.name, expected: wanted.count)))
            }
            let crew = Set(car.crew)
            for stint in planned {
                guard let driver = byID[stint.driver] else {
                    found.append(Violation(.notSignedUp(stint.driver, car: car.name, stint: stint.number)))
                    continue
                }
                let person = PlanPerson(id: driver.id, name: driver.name)
                if !crew.isEmpty && !crew.contains(driver.id) {
                    found.append(Violation(.notInCrew(person, car: car.name)))
                }
                if let refusal = EntryCheck.refusal(driver.licences, category: car.category, limits: event.limits) {
                    found.append(Violation(.mayNotDrive(person, car: car.name, refusal: refusal)))
                }
                if !driver.isAvailable(for: stint.time) {
                    found.append(Violation(.notFree(person, car: car.name, stint: stint.number, time: stint.time)))
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
            let person = PlanPerson(id: id, name: byID[id]?.name ?? id.rawValue)
            let minutes = stints.reduce(0) { $0 + $1.stint.time.minutes }
            if minutes > event.rules.maxDrivingMinutes {
                found.append(Violation(.drivesTooLong(person, minutes: minutes, maximum: event.rules.maxDrivingMinutes)))
            }
            for (earlier, later) in zip(stints, stints.dropFirst()) {
                let gap = later.stint.time.start.timeIntervalSince(earlier.stint.time.end) / 60
                if gap < 0 {
                    found.append(Violation(.twoCarsAtOnce(person, time: later.stint.time)))
                } else if gap < Double(event.rules.minRestMinutes) {
                    found.append(Violation(.restTooShort(person, minutes: Int(gap), before: later.stint.time, minimum: event.rules.minRestMinutes)))
                }
            }
        }
        return found
    }

    private static func spotterViolations(_ plan: StintPlan, event: EnduranceEvent, byID: [DriverID: PlanningDriver]) -> [Violation] {
        var found: [Violation] = []
        let all = plan.allStints
        let carNames = Dictionary(event.cars.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for (car, stint) in all {
            let carName = carNames[car] ?? car
            guard let spotter = stint.spotter else {
                if event.rules.spotterRequired {
                    found.append(Violation(.noSpotter(car: carName, stint: stint.number)))
                }
                continue
            }
            let person = PlanPerson(id: spotter, name: byID[spotter]?.name ?? spotter.rawValue)
            if byID[spotter]?.isAvailable(for: stint.time) != true {
                found.append(Violation(.spotterNotFree(person, car: carName, stint: stint.number)))
            }
            let clash = all.contains { other in
                other.stint.time.overlaps(stint.time) && (other.stint.driver == spotter || (other.stint.spotter == spotter && other.car != car))
            }
            if clash {
                found.append(Violation(.spotterBusy(person, car: carName, stint: stint.number)))
            }
        }
        return found
    }
}
