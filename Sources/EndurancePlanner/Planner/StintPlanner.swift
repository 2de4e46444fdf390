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
        guard !event.cars.isEmpty else { throw PlanningFailure(.noCars) }
        guard event.lengthMinutes > 0, event.stintMinutes > 0 else {
            throw PlanningFailure(.nonPositiveLengths)
        }
        guard Set(event.cars.map(\.id)).count == event.cars.count else {
            throw PlanningFailure(.duplicateCarIDs)
        }
        let known = Set(drivers.map(\.id))
        for car in event.cars {
            if let stranger = car.crew.first(where: { !known.contains($0) }) {
                throw PlanningFailure(.unknownCrewMember(car: car.name, member: stranger), carID: car.id)
            }
            if let captain = car.captain, !known.contains(captain) {
                throw PlanningFailure(.unknownCaptain(car: car.name, captain: captain), carID: car.id)
            }
        }
    }

    /// For each car, the drivers of its crew who meet the limits in its category.
    private func eligibleDrivers() throws(PlanningFailure) -> [[Int]] {
        var result: [[Int]] = []
        for car in event.cars {
            let crew = car.crew.isEmpty ? Set(drivers.map(\.id)) : Set(car.crew)
            var eligible: [Int] = []
            var refusals: [PlanRefusal] = []
            for (index, driver) in drivers.enumerated() where crew.contains(driver.id) {
                if let refusal = EntryCheck.refusal(driver.licences, category: car.category, limits: event.limits) {
                    refusals.append(PlanRefusal(driver: PlanPerson(id: driver.id, name: driver.name), refusal: refusal))
                } else {
                    eligible.append(index)
                }
            }
            if eligible.isEmpty {
                // The first five by name: enough to see the pattern, short enough for one reply.
                let named = refusals.sorted { ($0.driver.name, $0.driver.id) < ($1.driver.name, $1.driver.id) }.prefix(5)
                throw PlanningFailure(.nobodyEligible(car: car.name, refusals: Array(named)), carID: car.id)
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
                    .nobodyFree(car: car.name, stint: slot.number, time: slot.time), carID: car.id, stintNumber: slot.number)
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
            throw PlanningFailure(.tooFewFreeMinutes(needed: needed, free: uncapped))
        }
        if capped < needed {
            throw PlanningFailure(.tooFewCappedMinutes(needed: needed, maximum: event.rules.maxDrivingMinutes, capped: capped))
        }
    }

    // MARK: The search, and which constraint fails when it finds nothing

    private func assignDrivers(_ slots: [StintSlot], candidates: [[Int]]) throws(PlanningFailure) -> [Int] {
        let outcome = search(slots, candidates, maxDriving: event.rules.maxDrivingMinutes, minRest: event.rules.minRestMinutes)
        if case .found(let choice) = outcome { return choice }
        let spent = outcome == .budgetSpent
        let withoutRest = search(slots, candidates, maxDriving: event.rules.maxDrivingMinutes, minRest: 0)
        let withoutMaximum = search(slots, candidates, maxDriving: nil, minRest: event.rules.minRestMinutes)
        let (rest, maximum) = (event.rules.minRestMinutes, event.rules.maxDrivingMinutes)
        let stopped = spent ? searchBudget : nil
        switch (isFound(withoutRest), isFound(withoutMaximum)) {
        case (true, false):
            throw PlanningFailure(.restBlocks(rest: rest), searchStoppedAfter: stopped)
        case (false, true):
            throw PlanningFailure(.maximumBlocks(maximum: maximum), searchStoppedAfter: stopped)
        case (true, true):
            throw PlanningFailure(.restOrMaximumBlocks(rest: rest, maximum: maximum), searchStoppedAfter: stopped)
        case (false, false):
            if isFound(search(slots, candidates, maxDriving: nil, minRest: 0)) {
                throw PlanningFailure(.restAndMaximumBlock(rest: rest, maximum: maximum), searchStoppedAfter: stopped)
            }
            throw availabilityFailure(slots, candidates: candidates, searchStoppedAfter: stopped)
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
    private func availabilityFailure(_ slots: [StintSlot], candidates: [[Int]], searchStoppedAfter: Int?) -> PlanningFailure {
        let byStart = Dictionary(grouping: slots.indices, by: { slots[$0].time.start })
        for start in byStart.keys.sorted() {
            let indices = byStart[start] ?? []
            let free = Set(indices.flatMap { candidates[$0] })
            if free.count < indices.count {
                let slot = slots[indices[0]]
                return PlanningFailure(
                    .tooFewDriversAtOnce(stint: slot.number, time: slot.time, needed: indices.count, free: free.count),
                    stintNumber: slot.number)
            }
        }
        return PlanningFailure(.noCovering, searchStoppedAfter: searchStoppedAfter)
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
