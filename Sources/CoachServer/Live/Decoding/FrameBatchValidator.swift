import Telemetry

/// Checks every value of a decoded batch before it may touch a session (a rejected batch must
/// leave the session exactly as it was).
///
/// Ranges are physical plausibility bounds, wide enough for any car in any sim and tight
/// enough to stop garbage: they are not coaching thresholds.
enum FrameBatchValidator {
    /// 200 m/s = 720 km/h, beyond any circuit car.
    static let speedRange: ClosedRange<Float> = 0...200
    /// A 1080° wheel turns ±9.4 rad; ±4π leaves margin for any wheel setting.
    static let steeringLimit: Float = 4 * .pi
    /// Reverse, neutral and up to 15 forward gears.
    static let gearRange: ClosedRange<Int8> = -1...15
    /// Road engines stay below 20,000 rev/min; 30,000 covers any sim car.
    static let rpmRange: ClosedRange<Float> = 0...30_000
    /// 100 g: crash spikes in sims stay below it, so a hard crash never drops a batch.
    static let accelerationLimit: Float = 981
    /// 20 rad/s is a car spinning more than three turns per second.
    static let yawRateLimit: Float = 20
    /// The protocol allows `dist` up to the track length plus 1 % (sims overshoot at the line).
    static let distanceTolerance = 0.01

    static func validate(_ batch: FrameBatch, trackLength: Double) throws(LiveProtocolError) {
        let maximumDistance = trackLength * (1 + distanceTolerance)
        for (index, frame) in batch.frames.enumerated() {
            try validate(frame, index: index)
            let distance = Double(frame.lapDistance)
            guard distance >= 0, distance <= maximumDistance else {
                throw LiveProtocolError(
                    .distanceOutOfRange, "frame \(index): dist \(distance) m is outside 0...\(maximumDistance) m")
            }
        }
    }

    private static func validate(_ frame: TelemetryFrame, index: Int) throws(LiveProtocolError) {
        func fail(_ what: String) -> LiveProtocolError {
            LiveProtocolError(.invalidValue, "frame \(index): \(what)")
        }
        let channels = frame.presentChannels
        guard frame.sessionTime.isFinite, frame.sessionTime >= 0 else { throw fail("t must be a finite time >= 0") }
        guard frame.lapDistance.isFinite else { throw fail("dist must be finite") }
        guard frame.lapNumber >= -1 else { throw fail("lap must be >= -1") }
        guard speedRange.contains(frame.speed) else { throw fail("speed must be 0...200 m/s") }
        for (name, pedal) in [("throttle", frame.throttle), ("brake", frame.brake)] where !(0...1).contains(pedal) {
            throw fail("\(name) must be 0...1")
        }
        guard gearRange.contains(frame.gear) else { throw fail("gear must be -1...15") }
        if channels.contains(.lapDistanceFraction), !(0...1).contains(frame.lapDistanceFraction) { throw fail("pct must be 0...1") }
        if channels.contains(.clutch), !(0...1).contains(frame.clutch) { throw fail("clutch must be 0...1") }
        if channels.contains(.steering), !(abs(frame.steering) <= steeringLimit) { throw fail("steer must be within ±4π rad") }
        if channels.contains(.rpm), !rpmRange.contains(frame.rpm) { throw fail("rpm must be 0...30000") }
        if channels.contains(.lateralAcceleration), !(abs(frame.lateralAcceleration) <= accelerationLimit) {
            throw fail("latAccel must be within ±981 m/s²")
        }
        if channels.contains(.longitudinalAcceleration), !(abs(frame.longitudinalAcceleration) <= accelerationLimit) {
            throw fail("longAccel must be within ±981 m/s²")
        }
        if channels.contains(.yawRate), !(abs(frame.yawRate) <= yawRateLimit) { throw fail("yawRate must be within ±20 rad/s") }
        if channels.contains(.latitude), !(-90...90).contains(frame.latitude) { throw fail("lat must be -90...90") }
        if channels.contains(.longitude), !(-180...180).contains(frame.longitude) { throw fail("lon must be -180...180") }
    }
}
