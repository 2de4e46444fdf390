import Telemetry

/// One usable sample of a lap before resampling: distance (m), elapsed lap time (s) and the
/// channels that go on the grid, already cleaned (NaN steering and pedals made 0).
struct ResamplePoint {
    var distance: Double
    var elapsed: Double
    /// m/s, or nil when the frame had no usable speed (then the segment's mean speed is used).
    var speed: Double?
    var throttle: Double
    var brake: Double
    var steering: Double
    var gear: Int8
    /// Degrees, or nil when the frame carried no usable position.
    var position: (latitude: Double, longitude: Double)?

    init(frame: TelemetryFrame, lapStartTime: Double) {
        distance = Double(frame.lapDistance)
        elapsed = frame.sessionTime - lapStartTime
        speed = frame.speed.isFinite ? Double(frame.speed) : nil
        throttle = Self.finiteOrZero(frame.throttle)
        brake = Self.finiteOrZero(frame.brake)
        // Steering is optional in the protocol (NaN when not sent): treat as straight ahead.
        steering = Self.finiteOrZero(frame.steering)
        gear = frame.gear
        let positioned = frame.presentChannels.contains(.latitude) && frame.presentChannels.contains(.longitude)
            && frame.latitude.isFinite && frame.longitude.isFinite && (frame.latitude != 0 || frame.longitude != 0)
        position = positioned ? (frame.latitude, frame.longitude) : nil
    }

    /// The same channels at another place and time (the line at either end of the lap).
    func moved(toDistance distance: Double, elapsed: Double) -> ResamplePoint {
        var copy = self
        copy.distance = distance
        copy.elapsed = elapsed
        return copy
    }

    private static func finiteOrZero(_ value: Float) -> Double { value.isFinite ? Double(value) : 0 }
}
