/// Hours a driver marked on their own clock: a day, the hour it starts, how many hours.
public struct TeamAvailabilitySpan: Sendable, Hashable {
    public var year: Int, month: Int, day: Int, hour: Int, hours: Int
    public var preferred: Bool

    public init(year: Int, month: Int, day: Int, hour: Int, hours: Int, preferred: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.hours = hours
        self.preferred = preferred
    }
}
