import ArgumentParser
import EndurancePlanner
import Foundation

/// `trailbrake-bench planner`: how long the stint planner takes for a large team (issue 18
/// asks for 50 drivers, 3 cars, 24 hours). The team is spread over five time zones; each
/// driver is free for one block of 6 to 11 hours on each local day of the race weekend, placed
/// by a fixed formula, so every run plans the same team.
struct PlannerBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "planner", abstract: "Time the endurance planner on a large team.")

    @Option(help: "Drivers signed up.") var drivers = 50
    @Option(help: "Team cars.") var cars = 3
    @Option(help: "Race length in hours.") var hours = 24
    @Option(help: "Stint length in minutes.") var stintMinutes = 60
    @Option(help: "Plans made (after 3 warm-up plans).") var iterations = 50

    mutating func run() async throws {
        let start = Date(timeIntervalSince1970: 1_797_076_800)  // 2026-12-12 12:00 UTC
        let event = EnduranceEvent(
            name: "Benchmark 24", track: "Benchmark Ring", start: start, lengthMinutes: hours * 60, stintMinutes: stintMinutes,
            limits: EntryLimits(minIRating: 1_500), rules: CrewRules(maxDrivingMinutes: 240, minRestMinutes: 120),
            cars: (1...cars).map { TeamCar(id: "car-\($0)", name: "#\($0)", category: .sportsCar) })
        let team = try Self.team(count: drivers, raceStart: start)
        var histogram = LatencyHistogram()
        var outcome = ""
        for iteration in 0..<(iterations + 3) {
            let began = ContinuousClock.now
            do {
                let plan = try StintPlanner(event: event, drivers: team).plan()
                outcome = "planned \(plan.allStints.count) stints, \(Set(plan.allStints.map(\.stint.driver)).count) drivers driving"
            } catch {
                outcome = "no plan: \(error)"
            }
            if iteration >= 3 {
                let elapsed = ContinuousClock.now - began
                histogram.record(nanoseconds: UInt64(elapsed.components.seconds) * 1_000_000_000 + UInt64(elapsed.components.attoseconds / 1_000_000_000))
            }
        }
        print("endurance planner, \(drivers) drivers, \(cars) cars, \(hours) h in \(stintMinutes)-minute stints, \(iterations) plans: \(outcome)")
        print("  \(histogram.summary)")
    }

    static func team(count: Int, raceStart: Date) throws -> [PlanningDriver] {
        let zones = ["America/New_York", "Europe/London", "Europe/Istanbul", "Asia/Tokyo", "Australia/Sydney"]
        return try (0..<count).map { index in
            let zone = zones[index % zones.count]
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone)!
            let spans = (0...1).map { dayOffset -> LocalAvailability.Span in
                let day = calendar.date(byAdding: .day, value: dayOffset, to: raceStart)!
                let parts = calendar.dateComponents([.year, .month, .day], from: day)
                return .init(year: parts.year!, month: parts.month!, day: parts.day!,
                             hour: 7 + (index * 5 + dayOffset * 3) % 9, hours: 6 + (index * 3 + dayOffset) % 6)
            }
            return PlanningDriver(
                id: DriverID("driver-\(index)"), name: "Driver \(index)", timeZone: zone,
                available: try LocalAvailability.ranges(spans, timeZone: zone),
                licences: [.sportsCar: MemberLicence(licenceClass: .b, safetyRating: 3.0, iRating: 1_500 + (index * 137) % 2_500)])
        }
    }
}
