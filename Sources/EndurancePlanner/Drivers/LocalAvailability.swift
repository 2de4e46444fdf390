import Foundation

/// Hours a driver marked on their own clock, turned into absolute ranges.
///
/// A driver in Istanbul marks "Saturday 22:00 to Sunday 03:00" on their calendar; the planner
/// needs UTC. Foundation's calendar does the conversion, so daylight-saving changes inside the
/// event (a 24-hour race on the last weekend of October) come out right.
public enum LocalAvailability {
    /// A marked span on the driver's clock: the day (year, month, day) and hour it starts, and
    /// how many whole hours it lasts.
    public struct Span: Sendable, Hashable, Codable {
        public var year: Int, month: Int, day: Int, hour: Int
        public var hours: Int

        public init(year: Int, month: Int, day: Int, hour: Int, hours: Int) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.hours = hours
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownTimeZone(String)
        case invalidSpan(Span)

        public var description: String {
            switch self {
            case .unknownTimeZone(let name): "unknown time zone \"\(name)\""
            case .invalidSpan(let span): "not a time on the calendar: \(span.year)-\(span.month)-\(span.day) \(span.hour):00 for \(span.hours) h"
            }
        }
    }

    /// The spans as UTC ranges. A span's end is its start plus `hours` of elapsed time, so a
    /// span across a clock change still lasts what the driver meant.
    public static func ranges(_ spans: [Span], timeZone name: String) throws -> [TimeRange] {
        guard let zone = TimeZone(identifier: name) else { throw Failure.unknownTimeZone(name) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return try spans.map { span in
            guard (1...12).contains(span.month), (1...31).contains(span.day), (0...23).contains(span.hour),
                  (1...168).contains(span.hours),
                  let start = calendar.date(from: DateComponents(year: span.year, month: span.month, day: span.day, hour: span.hour)),
                  calendar.component(.day, from: start) == span.day
            else { throw Failure.invalidSpan(span) }
            return TimeRange(start: start, minutes: span.hours * 60)
        }.merged()
    }
}
