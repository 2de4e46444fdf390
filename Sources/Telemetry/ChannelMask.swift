/// The set of channels a frame (or a whole batch) carries.
///
/// Bit positions are part of wire protocol v1 (docs/protocol.md) and must never be reused.
public struct ChannelMask: OptionSet, Sendable, Hashable, Codable, BitwiseCopyable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let sessionTime = ChannelMask(rawValue: 1 << 0)
    public static let lapNumber = ChannelMask(rawValue: 1 << 1)
    public static let lapDistance = ChannelMask(rawValue: 1 << 2)
    public static let lapDistanceFraction = ChannelMask(rawValue: 1 << 3)
    public static let speed = ChannelMask(rawValue: 1 << 4)
    public static let throttle = ChannelMask(rawValue: 1 << 5)
    public static let brake = ChannelMask(rawValue: 1 << 6)
    public static let clutch = ChannelMask(rawValue: 1 << 7)
    public static let steering = ChannelMask(rawValue: 1 << 8)
    public static let gear = ChannelMask(rawValue: 1 << 9)
    public static let rpm = ChannelMask(rawValue: 1 << 10)
    public static let lateralAcceleration = ChannelMask(rawValue: 1 << 11)
    public static let longitudinalAcceleration = ChannelMask(rawValue: 1 << 12)
    public static let yawRate = ChannelMask(rawValue: 1 << 13)
    public static let latitude = ChannelMask(rawValue: 1 << 14)
    public static let longitude = ChannelMask(rawValue: 1 << 15)
    public static let onPitRoad = ChannelMask(rawValue: 1 << 16)
    public static let trackSurface = ChannelMask(rawValue: 1 << 17)

    /// Channels without which a frame cannot be aligned or coached.
    public static let required: ChannelMask = [.sessionTime, .lapNumber, .lapDistance, .speed, .throttle, .brake, .gear]
    /// Every channel protocol v1 knows; any other bit set is an error.
    public static let all = ChannelMask(rawValue: (1 << 18) - 1)
}
