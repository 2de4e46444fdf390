/// The s16 bit field at 0x8E (§1.7 of sim-telemetry-udp.md; PDTools, vwhitteron and MacManley agree).
public struct GT7Flags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The car is on track (or in the paddock) and the data is valid.
    public static let carOnTrack = GT7Flags(rawValue: 1 << 0)
    /// The simulation is paused (not set by online modes' pause menu).
    public static let paused = GT7Flags(rawValue: 1 << 1)
    /// Loading or processing.
    public static let loading = GT7Flags(rawValue: 1 << 2)
    public static let inGear = GT7Flags(rawValue: 1 << 3)
    public static let hasTurbo = GT7Flags(rawValue: 1 << 4)
    public static let revLimiterAlert = GT7Flags(rawValue: 1 << 5)
    public static let handbrake = GT7Flags(rawValue: 1 << 6)
    public static let lights = GT7Flags(rawValue: 1 << 7)
    public static let highBeam = GT7Flags(rawValue: 1 << 8)
    public static let lowBeam = GT7Flags(rawValue: 1 << 9)
    public static let asmActive = GT7Flags(rawValue: 1 << 10)
    public static let tcsActive = GT7Flags(rawValue: 1 << 11)

    /// Driving: on track, neither paused nor loading. Frames are sent only then (§1.8).
    public var isDriving: Bool { contains(.carOnTrack) && !contains(.paused) && !contains(.loading) }
}
