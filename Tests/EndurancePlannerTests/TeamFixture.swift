import EndurancePlanner
import Foundation

/// A team spread over time zones, built from a seeded generator so every run plans the same
/// team: each driver marks one or two blocks of their own day, between 07:00 and 02:00 local.
struct TeamFixture {
    static let zones = ["America/New_York", "Europe/London", "Europe/Istanbul", "Asia/Tokyo", "Australia/Sydney"]
    /// Saturday 12 December 2026, 12:00 UTC.
    static let raceStart = Date(timeIntervalSince1970: 1_797_076_800)

    struct Marked {
        var zone: String
        var spans: [LocalAvailability.Span]
    }

    var drivers: [PlanningDriver] = []
    var marked: [DriverID: Marked] = [:]

    init(count: Int, seed: UInt64, iRating: (Int) -> Int = { 1_500 + ($0 * 137) % 2_500 }) throws {
        var random = SeededGenerator(seed: seed)
        var calendar = Calendar(identifier: .gregorian)
        for index in 0..<count {
            let zone = Self.zones[index % Self.zones.count]
            calendar.timeZone = TimeZone(identifier: zone)!
            // The race weekend on this driver's own calendar: from the local day the race starts on.
            let first = calendar.dateComponents([.year, .month, .day], from: Self.raceStart)
            var spans: [LocalAvailability.Span] = []
            for dayOffset in 0...1 {
                let day = calendar.date(byAdding: .day, value: dayOffset, to: calendar.date(from: first)!)!
                let parts = calendar.dateComponents([.year, .month, .day], from: day)
                let startHour = Int.random(in: 7...15, using: &random)
                let hours = Int.random(in: 6...11, using: &random)
                spans.append(.init(year: parts.year!, month: parts.month!, day: parts.day!, hour: startHour, hours: hours))
            }
            let id = DriverID("driver-\(index)")
            let available = try LocalAvailability.ranges(spans, timeZone: zone)
            let preferred = available.first.map { [TimeRange(start: $0.start, minutes: 120)] } ?? []
            drivers.append(PlanningDriver(
                id: id, name: "Driver \(index)", timeZone: zone, available: available, preferred: preferred,
                licences: [.sportsCar: MemberLicence(licenceClass: .b, safetyRating: 3.1, iRating: iRating(index))]))
            marked[id] = Marked(zone: zone, spans: spans)
        }
    }

    /// Whether the driver marked every hour of `range` on their own clock (checked with the
    /// calendar directly, not through the planner's ranges).
    func markedFree(_ driver: DriverID, for range: TimeRange) -> Bool {
        guard let marks = marked[driver] else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: marks.zone)!
        var minute = range.start
        while minute < range.end {
            let inside = marks.spans.contains { span in
                let start = calendar.date(from: DateComponents(year: span.year, month: span.month, day: span.day, hour: span.hour))!
                return start <= minute && minute < start.addingTimeInterval(Double(span.hours * 3_600))
            }
            if !inside { return false }
            minute = minute.addingTimeInterval(15 * 60)
        }
        return true
    }
}

/// SplitMix64: a small generator with a seed, so a fixture is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
