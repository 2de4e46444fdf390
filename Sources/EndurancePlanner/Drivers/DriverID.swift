/// A team member as the planner knows them: the Discord user id as text (a team is a Discord
/// guild, so every member has one).
public struct DriverID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: DriverID, rhs: DriverID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
