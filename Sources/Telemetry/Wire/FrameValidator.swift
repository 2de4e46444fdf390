/// Checks a decoded batch against physics before it can touch a session. A dropped batch changes
/// nothing, so a client with a broken sensor gets a clear error instead of corrupting a lap.
///
/// Only present channels are checked. The success path allocates nothing (messages are built
/// only when throwing).
public enum FrameValidator {
    /// Pedal readings may overshoot 0...1 by float rounding in the sim's own scaling; 0.001 is
    /// a tenth of a percent of travel, far below anything a driver can do with a foot.
    public static let pedalTolerance: Float = 0.001
    /// 150 m/s is 540 km/h: above the top speed of any circuit car (an IndyCar or F1 car at Monza
    /// reaches about 105 m/s), so only a broken unit conversion exceeds it. Speed is a
    /// magnitude (iRacing reports GPS ground speed), never negative.
    public static let maximumSpeed: Float = 150
    /// Reverse is -1 and no production or racing gearbox has more than 10 forward gears; 12
    /// leaves room for sims that model exotic boxes.
    public static let gearRange: ClosedRange<Int8> = -1...12
    /// The lap fraction may read slightly negative (-0.0002 in real iRacing files) right after
    /// the line; 1 % either side of 0...1 keeps those and refuses percentages sent as 0...100.
    public static let fractionRange: ClosedRange<Float> = -0.01...1.01
    /// Steering wheel angle: road-car racks turn at most about 1.5 turns each way (9.4 rad);
    /// two full turns (4π) leaves margin and still catches degrees sent as radians.
    public static let maximumSteering: Float = 4 * .pi
    /// No engine in a racing sim revs beyond ~20,000 rev/min (F1 V10s, superbikes); 30,000 is a
    /// loose bound that still catches unit mistakes. Engines do not turn backwards.
    public static let maximumRPM: Float = 30_000
    /// `lapDist` may reach the track length plus 1 % (docs/protocol.md): the sim's lap length
    /// differs slightly from the published one, and the racing line can be a little longer.
    public static let distanceTolerance = 0.01

    /// Throws the first problem found, naming the channel and the frame index.
    ///
    /// Accelerations and yaw rate are only checked for being finite: a crash legitimately
    /// produces spikes of many g and spins of several rad/s, and those frames must still arrive.
    public static func validate(_ batch: FrameBatch, trackLength: Double) throws(WireError) {
        guard (1...FrameBatch.maximumFrameCount).contains(batch.frames.count) else {
            throw WireError(.badFrameCount, "batch holds \(batch.frames.count) frames; 1 to \(FrameBatch.maximumFrameCount) allowed")
        }
        let maximumDistance = trackLength * (1 + distanceTolerance)
        for index in batch.frames.indices {
            try validate(batch.frames[index], index: index, maximumDistance: maximumDistance)
        }
    }

    private static func validate(_ frame: TelemetryFrame, index: Int, maximumDistance: Double) throws(WireError) {
        let present = frame.presentChannels
        if present.contains(.sessionTime) { try finite(frame.sessionTime, "sessionTime", index) }
        if present.contains(.lapDistance) {
            try finite(Double(frame.lapDistance), "lapDistance", index)
            let distance = Double(frame.lapDistance)
            guard distance >= 0, distance <= maximumDistance else {
                throw WireError(.distanceOutOfRange, "frame \(index): lapDistance \(distance) m outside 0...\(maximumDistance) m")
            }
        }
        if present.contains(.lapDistanceFraction) {
            try inRange(frame.lapDistanceFraction, fractionRange, "lapDistanceFraction", index)
        }
        if present.contains(.speed) { try inRange(frame.speed, 0...maximumSpeed, "speed", index) }
        let pedals = -pedalTolerance...(1 + pedalTolerance)
        if present.contains(.throttle) { try inRange(frame.throttle, pedals, "throttle", index) }
        if present.contains(.brake) { try inRange(frame.brake, pedals, "brake", index) }
        if present.contains(.clutch) { try inRange(frame.clutch, pedals, "clutch", index) }
        if present.contains(.steering) { try inRange(frame.steering, -maximumSteering...maximumSteering, "steering", index) }
        if present.contains(.gear), !gearRange.contains(frame.gear) {
            throw WireError(.invalidValue, "frame \(index): gear \(frame.gear) outside \(gearRange.lowerBound)...\(gearRange.upperBound)")
        }
        if present.contains(.rpm) { try inRange(frame.rpm, 0...maximumRPM, "rpm", index) }
        if present.contains(.lateralAcceleration) { try finite(Double(frame.lateralAcceleration), "lateralAcceleration", index) }
        if present.contains(.longitudinalAcceleration) { try finite(Double(frame.longitudinalAcceleration), "longitudinalAcceleration", index) }
        if present.contains(.yawRate) { try finite(Double(frame.yawRate), "yawRate", index) }
        if present.contains(.latitude) { try inRange(frame.latitude, -90...90, "latitude", index) }
        if present.contains(.longitude) { try inRange(frame.longitude, -180...180, "longitude", index) }
    }

    @inline(__always)
    private static func finite(_ value: Double, _ channel: StaticString, _ index: Int) throws(WireError) {
        guard value.isFinite else {
            throw WireError(.invalidValue, "frame \(index): \(channel) is \(value), not a finite number")
        }
    }

    /// NaN fails every comparison, so the range check also refuses NaN; infinity is out of range.
    @inline(__always)
    private static func inRange<T: BinaryFloatingPoint>(_ value: T, _ range: ClosedRange<T>, _ channel: StaticString, _ index: Int) throws(WireError) {
        guard range.contains(value) else {
            if value.isNaN || value.isInfinite {
                throw WireError(.invalidValue, "frame \(index): \(channel) is \(value), not a finite number")
            }
            throw WireError(.invalidValue, "frame \(index): \(channel) \(value) outside \(range.lowerBound)...\(range.upperBound)")
        }
    }
}
