import Telemetry

/// One corner of one lap read straight from the raw frames, with none of the server's code (no
/// grid, no smoothing, no corner windows): the independent side of the real-recording checks.
///
/// The definitions are docs/coaching.md's, written again here: braking starts where the pedal
/// reaches 8 % and lasts 0.2 s, a release below 4 % shorter than 0.2 s does not end it; the
/// apex speed is the lowest speed within 40 m of the reference apex; the pick-up is the first
/// point after the apex where the throttle stays at 90 % for 0.5 s.
struct RawCornerReading {
    /// Metres (negative before the line when the zone starts on the previous lap).
    var brakeOnset: Double?
    /// km/h.
    var apexSpeed: Double?
    /// Metres.
    var throttlePickup: Double?
    /// Largest distance between two frames in the corner: the resolution of every reading here.
    var frameSpacing: Double

    static let brakeOn: Float = 0.08
    static let brakeOff: Float = 0.04
    static let holdSeconds = 0.2
    static let pickUpThrottle: Float = 0.9
    static let pickUpSeconds = 0.5
    static let apexWindow = 40.0
    /// How far before the apex a braking zone may start (the longest braking of any car).
    static let brakingSearch = 400.0

    /// - Parameters:
    ///   - frames: the lap, in time order (`RealRecordingSession.rawLap`).
    ///   - apex: the reference apex, metres from the line; `exit` where the corner ends.
    init(frames: [TelemetryFrame], apex: Double, exit: Double) {
        let near = frames.filter { Double($0.lapDistance) >= apex - Self.brakingSearch && Double($0.lapDistance) <= exit + 150 }
        frameSpacing = zip(near, near.dropFirst()).map { Double($1.lapDistance - $0.lapDistance) }.filter { $0 > 0 }.max() ?? 0
        brakeOnset = Self.lastBrakingStart(near.filter { Double($0.lapDistance) <= apex + 10 })
        let atApex = near.filter { abs(Double($0.lapDistance) - apex) <= Self.apexWindow }
        apexSpeed = atApex.map { Double($0.speed) * 3.6 }.min()
        throttlePickup = Self.pickUp(near.filter { Double($0.lapDistance) >= apex })
    }

    /// Start of the last braking zone before the apex, interpolated to where the pedal crossed 8 %.
    static func lastBrakingStart(_ frames: [TelemetryFrame]) -> Double? {
        var zones: [(start: Double, startTime: Double, endTime: Double)] = []
        var inZone = false
        var releasedAt: Double?
        for (before, at) in zip(frames, frames.dropFirst()) {
            if !inZone, at.brake >= brakeOn, before.brake < brakeOn {
                let fraction = Double((brakeOn - before.brake) / (at.brake - before.brake))
                let distance = Double(before.lapDistance) + Double(at.lapDistance - before.lapDistance) * fraction
                if let released = releasedAt, at.sessionTime - released < holdSeconds, !zones.isEmpty {
                    zones[zones.count - 1].endTime = at.sessionTime  // a short release: the same zone
                } else {
                    zones.append((distance, at.sessionTime, at.sessionTime))
                }
                inZone = true
                releasedAt = nil
            } else if inZone, at.brake < brakeOff {
                inZone = false
                releasedAt = at.sessionTime
                zones[zones.count - 1].endTime = at.sessionTime
            } else if inZone {
                zones[zones.count - 1].endTime = at.sessionTime
            }
        }
        return zones.last { $0.endTime - $0.startTime >= holdSeconds }?.start
    }

    /// First distance from which the throttle stays at 90 % for half a second.
    static func pickUp(_ frames: [TelemetryFrame]) -> Double? {
        var start: TelemetryFrame?
        for frame in frames {
            if frame.throttle >= pickUpThrottle {
                if start == nil { start = frame }
                if let start, frame.sessionTime - start.sessionTime >= pickUpSeconds { return Double(start.lapDistance) }
            } else {
                start = nil
            }
        }
        return nil
    }
}
