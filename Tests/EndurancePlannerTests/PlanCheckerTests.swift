import EndurancePlanner
import Foundation
import Testing

@Suite struct PlanCheckerTests {
    @Test func anAdminsEditThatBreaksAConstraintIsReported() throws {
        let team = try TeamFixture(count: 30, seed: 42)
        let event = StintPlannerTests.twentyFourHours()
        let plan = try StintPlanner(event: event, drivers: team.drivers).plan()
        #expect(PlanChecker.violations(of: plan, event: event, drivers: team.drivers).isEmpty)

        // Stint 1 of car 1 given to its own driver of stint 2: no rest between the two.
        var edited = plan
        edited.cars[0].stints[1].driver = edited.cars[0].stints[0].driver
        let constraints = Set(PlanChecker.violations(of: edited, event: event, drivers: team.drivers).map(\.constraint))
        #expect(constraints.contains(.minimumRest))

        // Car 2's first stint given to car 1's first driver: two cars at once.
        var doubled = plan
        doubled.cars[1].stints[0].driver = doubled.cars[0].stints[0].driver
        #expect(PlanChecker.violations(of: doubled, event: event, drivers: team.drivers).contains { $0.detail.contains("two cars at once") })

        // A stint removed: the plan no longer covers the race.
        var short = plan
        short.cars[0].stints.removeLast()
        #expect(PlanChecker.violations(of: short, event: event, drivers: team.drivers).contains { $0.constraint == .eventSetup })
    }

    @Test func aDriverOutsideTheirHoursIsReported() throws {
        let start = TeamFixture.raceStart
        let morning = PlanningDriver(id: "m", name: "Morning", available: [TimeRange(start: start, minutes: 60)])
        let event = EnduranceEvent(
            name: "Two hours", track: "Spa", start: start, lengthMinutes: 120, stintMinutes: 60,
            rules: CrewRules(maxDrivingMinutes: 120, minRestMinutes: 0), cars: [TeamCar(id: "a", name: "A", category: .sportsCar)])
        let plan = StintPlan(cars: [CarPlan(carID: "a", captain: "m", stints: [
            PlannedStint(number: 1, time: TimeRange(start: start, minutes: 60), driver: "m"),
            PlannedStint(number: 2, time: TimeRange(start: start.addingTimeInterval(3_600), minutes: 60), driver: "m"),
        ])])
        let violations = PlanChecker.violations(of: plan, event: event, drivers: [morning])
        #expect(violations.map(\.constraint) == [.availability])
        // The values a client needs to say it in its reader's language; English for the log.
        let second = TimeRange(start: start.addingTimeInterval(3_600), minutes: 60)
        #expect(violations.map(\.problem) == [.notFree(PlanPerson(id: "m", name: "Morning"), car: "A", stint: 2, time: second)])
        #expect(violations.first?.detail == "Morning is not free for car A stint 2 (\(second))")
    }

    /// A spotter problem names the car as the event does, not by its id.
    @Test func aMissingSpotterNamesTheCar() {
        let start = TeamFixture.raceStart
        let driver = PlanningDriver(id: "d", name: "D", available: [TimeRange(start: start, minutes: 60)])
        let event = EnduranceEvent(
            name: "One hour", track: "Spa", start: start, lengthMinutes: 60, stintMinutes: 60,
            rules: CrewRules(maxDrivingMinutes: 60, minRestMinutes: 0, spotterRequired: true),
            cars: [TeamCar(id: "gt3-a", name: "GT3 A", category: .sportsCar)])
        let plan = StintPlan(cars: [CarPlan(carID: "gt3-a", captain: "d", stints: [
            PlannedStint(number: 1, time: TimeRange(start: start, minutes: 60), driver: "d"),
        ])])
        let violations = PlanChecker.violations(of: plan, event: event, drivers: [driver])
        #expect(violations.map(\.problem) == [.noSpotter(car: "GT3 A", stint: 1)])
        #expect(violations.map(\.constraint) == [.spotter])
    }
}
