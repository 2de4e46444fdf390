import Foundation

/// A half-open span of absolute time, `[start, end)`, in UTC.
///
/// Every time in the planner is absolute: a driver's local hours are turned into `TimeRange`s
/// once (`LocalAvailability`), so the planner never does time-zone arithmetic itself.
public struct TimeRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        precondition(end >= start, "a time range cannot end before it starts")
        self.start = start
        self.end = end
    }

    public init(start: Date, minutes: Int) {
        self.init(start: start, end: start.addingTimeInterval(TimeInterval(minutes * 60)))
    }

    public var minutes: Int { Int((end.timeIntervalSince(start) / 60).rounded()) }

    public func contains(_ other: TimeRange) -> Bool { start <= other.start && other.end <= end }

    public func overlaps(_ other: TimeRange) -> Bool { start < other.end && other.start < end }

    public var description: String {
        "\(start.ISO8601Format())–\(end.ISO8601Format())"
    }
}

extension Array where Element == TimeRange {
    /// The ranges sorted, with touching or overlapping ones joined: two marked hours 20:00–21:00
    /// and 21:00–22:00 cover a stint of 20:30–21:30.
    public func merged() -> [TimeRange] {
        var result: [TimeRange] = []
        for range in sorted(by: { $0.start < $1.start }) {
            if let last = result.last, range.start <= last.end {
                result[result.count - 1].end = Swift.max(last.end, range.end)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// Whether one range of the (merged) list holds `range` whole.
    public func covers(_ range: TimeRange) -> Bool {
        merged().contains { $0.contains(range) }
    }
}
