import Foundation

/// A registered driver as the planner sees them: when they can drive (absolute UTC ranges,
/// from `LocalAvailability`), which of those hours they prefer, and their iRacing licences.
public struct PlanningDriver: Sendable, Hashable, Codable, Identifiable {
    public var id: DriverID
    public var name: String
    /// The driver's IANA time zone ("Europe/Istanbul"), for showing them the plan.
    public var timeZone: String
    public var available: [TimeRange]
    /// Hours within `available` the driver would rather drive; the planner fills these first.
    public var preferred: [TimeRange]
    public var licences: [LicenceCategory: MemberLicence]

    public init(
        id: DriverID, name: String, timeZone: String = "UTC", available: [TimeRange],
        preferred: [TimeRange] = [], licences: [LicenceCategory: MemberLicence] = [:]
    ) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.available = available.merged()
        self.preferred = preferred.merged()
        self.licences = licences
    }

    public func isAvailable(for range: TimeRange) -> Bool { available.covers(range) }
    public func prefers(_ range: TimeRange) -> Bool { preferred.covers(range) }
}
