import EndurancePlanner
import Foundation
import Testing

@Suite struct StintPlannerTests {
    static func twentyFourHours(cars: Int = 2, limits: EntryLimits = EntryLimits(minIRating: 1_500),
                                rules: CrewRules = CrewRules(maxDrivingMinutes: 240, minRestMinutes: 120)) -> EnduranceEvent {
        EnduranceEvent(
            name: "Daytona 24", track: "Daytona Road", start: TeamFixture.raceStart, lengthMinutes: 24 * 60, stintMinutes: 60,
            limits: limits, rules: rules,
            cars: (1...cars).map { TeamCar(id: "car-\($0)", name: "#\(90 + $0)", category: .sportsCar) })
    }

    @Test func thirtyDriversOverFiveTimeZonesFillEveryStintOfTwoCarsWithinTheRules() throws {
        let team = try TeamFixture(count: 30, seed: 42)
        let event = Self.twentyFourHours()
        let plan = try StintPlanner(event: event, drivers: team.drivers).plan()

        #expect(plan.cars.map(\.carID) == ["car-1", "car-2"])
        for car in plan.cars {
            #expect(car.stints.map(\.number) == Array(1...24))
            #expect(car.captain != nil)
        }
        // Each stint inside the hours its driver marked on their own clock.
        for (_, stint) in plan.allStints {
            #expect(team.markedFree(stint.driver, for: stint.time), "\(stint.driver) outside their hours at \(stint.time)")
        }
        // Nobody over the maximum, nobody in two cars at once, rest respected.
        for driver in team.drivers {
            let stints = plan.stints(drivenBy: driver.id).map(\.stint.time)
            #expect(stints.reduce(0) { $0 + $1.minutes } <= 240)
            for (a, b) in zip(stints, stints.dropFirst()) {
                #expect(b.start.timeIntervalSince(a.end) >= 120 * 60, "\(driver.id) rests less than 2 h before \(b)")
            }
        }
        // The spotter is never the one driving, nor driving another car then.
        for (_, stint) in plan.allStints {
            guard let spotter = stint.spotter else { continue }
            #expect(!plan.allStints.contains { $0.stint.time.overlaps(stint.time) && $0.stint.driver == spotter })
        }
        #expect(PlanChecker.violations(of: plan, event: event, drivers: team.drivers).isEmpty)
        // The driving is shared: more than the minimum number of drivers get a stint.
        #expect(Set(plan.allStints.map(\.stint.driver)).count >= 20)
    }

    @Test func aDriverBelowTheIRatingLimitIsNeverPlanned() throws {
        let team = try TeamFixture(count: 30, seed: 7, iRating: { $0 % 6 == 0 ? 1_200 : 2_600 })
        let plan = try StintPlanner(event: Self.twentyFourHours(), drivers: team.drivers).plan()
        let low = Set(team.drivers.filter { $0.licences[.sportsCar]?.iRating == 1_200 }.map(\.id))
        #expect(low.count == 5)
        #expect(plan.allStints.allSatisfy { !low.contains($0.stint.driver) })
    }

    @Test func anHourNobodyCanDriveIsNamed() throws {
        var team = try TeamFixture(count: 30, seed: 42)
        let hole = TimeRange(start: TeamFixture.raceStart.addingTimeInterval(5 * 3_600), minutes: 60)
        for index in team.drivers.indices {
            team.drivers[index].available = team.drivers[index].available.flatMap { range -> [TimeRange] in
                guard range.overlaps(hole) else { return [range] }
                return [TimeRange(start: range.start, end: max(range.start, hole.start)),
                        TimeRange(start: min(range.end, hole.end), end: range.end)].filter { $0.minutes > 0 }
            }
        }
        #expect {
            try StintPlanner(event: Self.twentyFourHours(), drivers: team.drivers).plan()
        } throws: { error in
            guard let failure = error as? PlanningFailure, case .nobodyFree(let car, let stint, let time) = failure.problem else { return false }
            // Stint 6 of the first car, the hour nobody marked, with the values a reply needs.
            return failure.constraint == .availability && failure.stintNumber == 6 && car == "#91" && stint == 6 && time == hole
                && failure.detail == "nobody who may drive car #91 is free for all of stint 6 (\(hole))"
        }
    }

    @Test func tooFewDrivingHoursForTheMaximumIsNamed() throws {
        let team = try TeamFixture(count: 30, seed: 42)
        let event = Self.twentyFourHours(rules: CrewRules(maxDrivingMinutes: 60, minRestMinutes: 0))
        #expect {
            try StintPlanner(event: event, drivers: team.drivers).plan()
        } throws: { ($0 as? PlanningFailure)?.constraint == .maximumDriving }
    }

    @Test func restThatNeedsAFourthDriverIsNamedAsTheRest() throws {
        let always = [TimeRange(start: TeamFixture.raceStart.addingTimeInterval(-3_600), minutes: 26 * 60)]
        let three = (1...3).map { PlanningDriver(id: DriverID("d\($0)"), name: "D\($0)", available: always) }
        let event = EnduranceEvent(
            name: "Rest", track: "Spa", start: TeamFixture.raceStart, lengthMinutes: 12 * 60, stintMinutes: 60,
            rules: CrewRules(maxDrivingMinutes: 12 * 60, minRestMinutes: 180),
            cars: [TeamCar(id: "a", name: "A", category: .sportsCar)])
        #expect {
            try StintPlanner(event: event, drivers: three).plan()
        } throws: { ($0 as? PlanningFailure)?.problem == .restBlocks(rest: 180) }
        // With a fourth driver the same rest works, each driving every fourth hour.
        let four = three + [PlanningDriver(id: "d4", name: "D4", available: always)]
        let plan = try StintPlanner(event: event, drivers: four).plan()
        #expect(PlanChecker.violations(of: plan, event: event, drivers: four).isEmpty)
    }

    @Test func aCarWhoseCrewAllMissTheLimitsIsRefusedWithTheReason() throws {
        let team = try TeamFixture(count: 10, seed: 3)
        var event = Self.twentyFourHours(limits: EntryLimits(minIRating: 5_000))
        event.cars = [TeamCar(id: "gt3", name: "GT3", category: .sportsCar, crew: team.drivers.prefix(3).map(\.id))]
        #expect {
            try StintPlanner(event: event, drivers: team.drivers).plan()
        } throws: { error in
            guard let failure = error as? PlanningFailure, case .nobodyEligible(let car, let refusals) = failure.problem else { return false }
            // At most five named, in name order, each with the limit missed.
            let names = refusals.map(\.driver.name)
            return failure.constraint == .entryLimits && failure.carID == "gt3" && car == "GT3" && refusals.count == 3
                && names == names.sorted() && refusals.allSatisfy { if case .iRatingTooLow(_, 5_000) = $0.refusal { true } else { false } }
                && failure.detail.contains("below the minimum 5000")
        }
    }

    @Test func aRequiredSpotterNobodyCanBeIsNamed() throws {
        let always = [TimeRange(start: TeamFixture.raceStart, minutes: 6 * 60)]
        let drivers = (1...3).map { PlanningDriver(id: DriverID("d\($0)"), name: "D\($0)", available: always) }
        let event = EnduranceEvent(
            name: "Spotters", track: "Spa", start: TeamFixture.raceStart, lengthMinutes: 6 * 60, stintMinutes: 60,
            rules: CrewRules(maxDrivingMinutes: 6 * 60, minRestMinutes: 0, spotterRequired: true),
            cars: (1...3).map { TeamCar(id: "c\($0)", name: "C\($0)", category: .sportsCar) })
        #expect {
            try StintPlanner(event: event, drivers: drivers).plan()
        } throws: { error in
            // Three cars at once leave nobody to spot the first car's first stint.
            guard let failure = error as? PlanningFailure, case .nobodyToSpot(let car, let stint, _) = failure.problem else { return false }
            return failure.constraint == .spotter && car == "C1" && stint == 1 && failure.carID == "c1"
        }
    }

    @Test func anUnknownCrewMemberIsAnEventSetupError() {
        var event = Self.twentyFourHours()
        event.cars[0].crew = ["nobody"]
        #expect {
            try StintPlanner(event: event, drivers: []).plan()
        } throws: { ($0 as? PlanningFailure)?.problem == .unknownCrewMember(car: "#91", member: "nobody") }
    }
}
