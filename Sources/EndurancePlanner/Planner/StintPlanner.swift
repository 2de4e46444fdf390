import Foundation

/// Proposes a plan for an event: a driver for every stint of every car, spotters, a captain
/// per car. The rule it follows is in docs/team.md ("How the planner chooses"); when no plan
/// keeps every constraint it says which constraint fails rather than return a partial plan.
public struct StintPlanner: Sendable {
    public var event: EnduranceEvent
    public var drivers: [PlanningDriver]
    /// Choices the search may make before it gives up (each is cheap: a 24-hour race with two
    /// cars and 30 drivers needs 48 when nothing is tight).
    public var searchBudget: Int

    public init(event: EnduranceEvent, drivers: [PlanningDriver], searchBudget: Int = 200_000) {
        self.event = event
        self.drivers = drivers
        self.searchBudget = searchBudget
    }

    public func plan() throws(PlanningFailure) -> StintPlan {
        try checkSetup()
        let slots = StintSlot.slots(for: event)
        let eligibleByCar = try eligibleDrivers()
        let candidates = try slotCandidates(slots, eligibleByCar: eligibleByCar)
        try checkDrivingCapacity(slots, candidates: candidates)
        let choice = try assignDrivers(slots, candidates: candidates)
        let spotters = try SpotterAssignment(event: event, drivers: drivers, slots: slots, driverChoice: choice).assign()
        return makePlan(slots, choice: choice, spotters: spotters)
    }

    // MARK: The event itself

    private func checkSetup() throws(PlanningFailure) {
        guard !event.cars.isEmpty else { throw PlanningFailure(.eventSetup, "the event has no cars") }
        guard event.lengthMinutes > 0, event.stintMinutes > 0 else {
            throw PlanningFailure(.eventSetup, "the race length and the stint length must be positive")
        }
        guard Set(event.cars.map(\.id)).count == event.cars.count else {
            throw PlanningFailure(.eventSetup, "two cars have the same id")
        }
        let known = Set(drivers.map(\.id))
        for car in event.cars {
            if let stranger = car.crew.first(where: { !known.contains($0) }) {
                throw PlanningFailure(.eventSetup, "car \(car.name) lists \(stranger), who has not signed up", carID: car.id)
            }
            if let captain = car.captain, !known.contains(captain) {
                throw PlanningFailure(.eventSetup, "car \(car.name)'s captain \(captain) has not signed up", carID: car.id)
            }
        }
    }

    /// For each car, the drivers of its crew who meet the limits in its category.
    private func eligibleDrivers() throws(PlanningFailure) -> [[Int]] {
        var result: [[Int]] = []
        for car in event.cars {
            let crew = car.crew.isEmpty ? Set(drivers.map(\.id)) : Set(car.crew)
            var eligible: [Int] = []
            var refusals: [String] = []
            for (index, driver) in drivers.enumerated() where crew.contains(driver.id) {
                if let refusal = EntryCheck.refusal(driver.licences, category: car.category, limits: event.limits) {
                    refusals.append("\(driver.name): \(refusal)")
                } else {
                    eligible.append(index)
                }
            }
            if eligible.isEmpty {
                let why = refusals.isEmpty ? "its crew is empty" : refusals.sorted().prefix(5).joined(separator: "; ")
                throw PlanningFailure(.entryLimits, "no driver of car \(car.name) meets the entry limits (\(why))", carID: car.id)
            }
            result.append(eligible)
        }
        return result
    }

    private func slotCandidates(_ slots: [StintSlot], eligibleByCar: [[Int]]) throws(PlanningFailure) -> [[Int]] {
        var result: [[Int]] = []
        for slot in slots {
            let list = eligibleByCar[slot.carIndex].filter { drivers[$0].isAvailable(for: slot.time) }
            if list.isEmpty {
                let car = event.cars[slot.carIndex]
                throw PlanningFailure(
                    .availability,
                    "nobody who may drive car \(car.name) is free for all of stint \(slot.number) (\(slot.time))",
                    carID: car.id, stintNumber: slot.number)
            }
            result.append(list)
        }
        return result
    }

    /// A quick count before the search: the cars need so many driving minutes; the drivers can
    /// give at most their free minutes, each capped at the maximum time in the car.
    private func checkDrivingCapacity(_ slots: [StintSlot], candidates: [[Int]]) throws(PlanningFailure) {
        let needed = slots.reduce(0) { $0 + $1.time.minutes }
        // A driver drives one car at a time: each stint number counts once per driver.
        var free = [Int](repeating: 0, count: drivers.count)
        var countedStints = [Set<Int>](repeating: [], count: drivers.count)
        for (slot, list) in zip(slots, candidates) {
            for driver in list where countedStints[driver].insert(slot.number).inserted {
                free[driver] += slot.time.minutes
            }
        }
        let uncapped = free.reduce(0, +)
        let capped = free.reduce(0) { $0 + min($1, event.rules.maxDrivingMinutes) }
        if uncapped < needed {
            throw PlanningFailure(.availability, "the cars need \(needed) minutes of driving; the drivers are free for \(uncapped)")
        }
        if capped < needed {
            throw PlanningFailure(
                .maximumDriving,
                "the cars need \(needed) minutes of driving; with at most \(event.rules.maxDrivingMinutes) minutes each the drivers can give \(capped)")
        }
    }

    // MARK: The search, and which constraint fails when it finds nothing

    private func assignDrivers(_ slots: [StintSlot], candidates: [[Int]]) throws(PlanningFailure) -> [Int] {
        let outcome = search(slots, candidates, maxDriving: event.rules.maxDrivingMinutes, minRest: event.rules.minRestMinutes)
        if case .found(let choice) = outcome { return choice }
        let spent = outcome == .budgetSpent
        let withoutRest = search(slots, candidates, maxDriving: event.rules.maxDrivingMinutes, minRest: 0)
        let withoutMaximum = search(slots, candidates, maxDriving: nil, minRest: event.rules.minRestMinutes)
        let rest = "the minimum rest of \(event.rules.minRestMinutes) minutes"
        let maximum = "the maximum of \(event.rules.maxDrivingMinutes) minutes in the car"
        let limitNote = spent ? " (the search stopped after \(searchBudget) choices)" : ""
        switch (isFound(withoutRest), isFound(withoutMaximum)) {
        case (true, false):
            throw PlanningFailure(.minimumRest, "no plan keeps \(rest); one exists with less rest\(limitNote)")
        case (false, true):
            throw PlanningFailure(.maximumDriving, "no plan keeps \(maximum); one exists with more time per driver\(limitNote)")
        case (true, true):
            throw PlanningFailure(.minimumRest, "no plan keeps both \(rest) and \(maximum); relaxing either one allows a plan\(limitNote)")
        case (false, false):
            if isFound(search(slots, candidates, maxDriving: nil, minRest: 0)) {
                throw PlanningFailure(.minimumRest, "no plan keeps \(rest) and \(maximum) together; relaxing both allows a plan\(limitNote)")
            }
            throw availabilityFailure(slots, candidates: candidates, limitNote: limitNote)
        }
    }

    private func search(_ slots: [StintSlot], _ candidates: [[Int]], maxDriving: Int?, minRest: Int) -> DriverAssignmentSearch.Outcome {
        let preferred = zip(slots, candidates).map { slot, list in list.map { drivers[$0].prefers(slot.time) } }
        var search = DriverAssignmentSearch(
            slots: slots, candidates: candidates, preferred: preferred, driverCount: drivers.count,
            maxDrivingMinutes: maxDriving, minRestMinutes: minRest, budget: searchBudget)
        return search.run()
    }

    private func isFound(_ outcome: DriverAssignmentSearch.Outcome) -> Bool {
        if case .found = outcome { return true }
        return false
    }

    /// Even with unlimited time in the car and no rest, stints at the same time need different
    /// drivers: name the first time when there are fewer free drivers than cars.
    private func availabilityFailure(_ slots: [StintSlot], candidates: [[Int]], limitNote: String) -> PlanningFailure {
        let byStart = Dictionary(grouping: slots.indices, by: { slots[$0].time.start })
        for start in byStart.keys.sorted() {
            let indices = byStart[start] ?? []
            let free = Set(indices.flatMap { candidates[$0] })
            if free.count < indices.count {
                let slot = slots[indices[0]]
                return PlanningFailure(
                    .availability,
                    "stint \(slot.number) (\(slot.time)) needs \(indices.count) drivers at once; only \(free.count) who may drive are free",
                    stintNumber: slot.number)
            }
        }
        return PlanningFailure(.availability, "no assignment of the free drivers covers every stint\(limitNote)")
    }

    // MARK: The result

    private func makePlan(_ slots: [StintSlot], choice: [Int], spotters: [Int?]) -> StintPlan {
        var cars = event.cars.map { CarPlan(carID: $0.id, captain: $0.captain, stints: []) }
        for (index, slot) in slots.enumerated() {
            let stint = PlannedStint(
                number: slot.number, time: slot.time, driver: drivers[choice[index]].id,
                spotter: spotters[index].map { drivers[$0].id })
            cars[slot.carIndex].stints.append(stint)
        }
        for index in cars.indices where cars[index].captain == nil {
            let counts = Dictionary(grouping: cars[index].stints, by: \.driver).mapValues(\.count)
            cars[index].captain = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        }
        return StintPlan(cars: cars)
    }
}
