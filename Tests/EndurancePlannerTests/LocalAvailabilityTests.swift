import EndurancePlanner
import Foundation
import Testing

@Suite struct LocalAvailabilityTests {
    private func utc(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test func istanbulEveningIsThreeHoursAheadOfUTC() throws {
        let ranges = try LocalAvailability.ranges([.init(year: 2026, month: 12, day: 12, hour: 20, hours: 4)], timeZone: "Europe/Istanbul")
        #expect(ranges == [TimeRange(start: utc("2026-12-12T17:00:00Z"), minutes: 240)])
    }

    @Test func aSpanAcrossTheClockChangeLastsTheHoursMarked() throws {
        // London leaves summer time at 02:00 BST on 25 October 2026 (01:00 UTC).
        let ranges = try LocalAvailability.ranges([.init(year: 2026, month: 10, day: 25, hour: 0, hours: 3)], timeZone: "Europe/London")
        #expect(ranges == [TimeRange(start: utc("2026-10-24T23:00:00Z"), minutes: 180)])
    }

    @Test func touchingSpansJoinSoAStintAcrossThemIsCovered() throws {
        let ranges = try LocalAvailability.ranges([
            .init(year: 2026, month: 12, day: 12, hour: 20, hours: 1),
            .init(year: 2026, month: 12, day: 12, hour: 21, hours: 1),
        ], timeZone: "UTC")
        #expect(ranges.count == 1)
        #expect(ranges.covers(TimeRange(start: utc("2026-12-12T20:30:00Z"), minutes: 60)))
    }

    @Test func badInputIsRefusedWithTheReason() {
        #expect(throws: LocalAvailability.Failure.unknownTimeZone("Mars/Olympus")) {
            try LocalAvailability.ranges([], timeZone: "Mars/Olympus")
        }
        let february30 = LocalAvailability.Span(year: 2026, month: 2, day: 30, hour: 10, hours: 2)
        #expect(throws: LocalAvailability.Failure.invalidSpan(february30)) {
            try LocalAvailability.ranges([february30], timeZone: "UTC")
        }
        let tooLong = LocalAvailability.Span(year: 2026, month: 2, day: 3, hour: 10, hours: 500)
        #expect(throws: LocalAvailability.Failure.invalidSpan(tooLong)) {
            try LocalAvailability.ranges([tooLong], timeZone: "UTC")
        }
    }
}
