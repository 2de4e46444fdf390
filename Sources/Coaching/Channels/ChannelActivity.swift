import Foundation
import Telemetry

/// Which channels of a lap or a stream carry information, judged from the values seen: a channel
/// is live once it has varied by more than its noise (or, for the gear, once it has read a
/// forward gear), and stays live. One per reference and one per driver session; `observe` runs
/// on every frame, so it only compares and stores a few numbers.
///
/// Why these bounds (docs/coaching.md, "Channels"):
/// - pedals: live once they have spanned `pedalSpan` (10 % of travel). Resting feet and sensor
///   jitter stay within 3-5 %; any corner braked for or driven out of moves a pedal further.
///   A pedal that never moves (a flat-out oval lap's brake) has nothing to judge either.
/// - speed: live once it has spanned `speedSpan` (1 m/s, ten times the 0.1 m/s sims report to).
/// - gear: live once it reads a forward gear. A car that laps in neutral does not exist, so a
///   gear that is always 0 is a sim or export that does not send it. A gear that never changes
///   is real (one gear round an oval) and stays on: there the advice "use third" is real too.
/// - position: live once latitude and longitude are present, finite, not the (0, 0) a sim sends
///   for "unknown", and have moved `positionSpan` (50 m: a car at 10 m/s in 5 s) from the first.
public struct ChannelActivity: Sendable, Equatable {
    public static let pedalSpan: Float = 0.1
    public static let speedSpan: Float = 1
    public static let positionSpan = 50.0

    private var throttleRange = ValueRange()
    private var brakeRange = ValueRange()
    private var speedRange = ValueRange()
    private var forwardGear = false
    private var firstPosition: (latitude: Double, longitude: Double)?
    private var positionMoved = false
    /// The channels known to be live; grows, never shrinks.
    public private(set) var live: Set<CoachingChannel> = []

    public init() {}

    /// The channels of a whole lap on the grid (a reference).
    public init(_ lap: ReferenceLap) {
        for index in 0..<lap.count {
            observe(
                speed: lap.speed[index], throttle: lap.throttle[index], brake: lap.brake[index], gear: lap.gear[index],
                latitude: index < lap.latitude.count ? lap.latitude[index] : .nan,
                longitude: index < lap.longitude.count ? lap.longitude[index] : .nan)
        }
    }

    /// Notes one frame; returns true when a channel became live with it.
    @discardableResult
    public mutating func observe(_ frame: TelemetryFrame) -> Bool {
        let positioned = frame.presentChannels.contains(.latitude) && frame.presentChannels.contains(.longitude)
        return observe(
            speed: frame.speed, throttle: frame.throttle, brake: frame.brake, gear: frame.gear,
            latitude: positioned ? frame.latitude : .nan, longitude: positioned ? frame.longitude : .nan)
    }

    @discardableResult
    private mutating func observe(speed: Float, throttle: Float, brake: Float, gear: Int8, latitude: Double, longitude: Double) -> Bool {
        guard live.count < CoachingChannel.allCases.count else { return false }
        let before = live.count
        if throttleRange.add(throttle, span: Self.pedalSpan) { live.insert(.throttle) }
        if brakeRange.add(brake, span: Self.pedalSpan) { live.insert(.brake) }
        if speedRange.add(speed, span: Self.speedSpan) { live.insert(.speed) }
        if !forwardGear, gear > 0 {
            forwardGear = true
            live.insert(.gear)
        }
        if !positionMoved, latitude.isFinite, longitude.isFinite, latitude != 0 || longitude != 0 {
            if let first = firstPosition {
                if GeoPoint.metres(from: first, to: (latitude, longitude)) >= Self.positionSpan {
                    positionMoved = true
                    live.insert(.position)
                }
            } else {
                firstPosition = (latitude, longitude)
            }
        }
        return live.count != before
    }

    public static func == (lhs: ChannelActivity, rhs: ChannelActivity) -> Bool { lhs.live == rhs.live }
}

/// Lowest and highest finite value seen.
private struct ValueRange: Sendable {
    var low = Float.infinity
    var high = -Float.infinity

    /// Adds a value; true when the range reaches `span` for the first time.
    mutating func add(_ value: Float, span: Float) -> Bool {
        guard value.isFinite else { return false }
        let wasWide = high - low >= span
        low = min(low, value)
        high = max(high, value)
        return !wasWide && high - low >= span
    }
}
