import Telemetry

/// Keeps a decoded frame inside what the server's `FrameValidator` accepts, so one odd packet
/// (a NaN from a half-initialised car, a pedal that reads 256/255) never gets a whole batch of
/// good frames refused. Required channels must be finite or the frame is dropped; pedals,
/// speed, gear and distance are clamped to their ranges; an optional channel out of range is
/// left out of the frame.
public enum FrameSanity {
    public static func checked(_ frame: TelemetryFrame, trackLength: Double) -> TelemetryFrame? {
        var frame = frame
        guard frame.sessionTime.isFinite, frame.lapDistance.isFinite, frame.speed.isFinite,
              frame.throttle.isFinite, frame.brake.isFinite, trackLength > 0
        else { return nil }
        frame.speed = min(max(frame.speed, 0), FrameValidator.maximumSpeed)
        frame.throttle = min(max(frame.throttle, 0), 1)
        frame.brake = min(max(frame.brake, 0), 1)
        frame.gear = min(max(frame.gear, FrameValidator.gearRange.lowerBound), FrameValidator.gearRange.upperBound)
        frame.lapDistance = min(max(frame.lapDistance, 0), Float(trackLength))
        var present = frame.presentChannels
        if present.contains(.clutch) {
            if frame.clutch.isFinite { frame.clutch = min(max(frame.clutch, 0), 1) } else { present.remove(.clutch) }
        }
        if present.contains(.rpm), !(0...FrameValidator.maximumRPM).contains(frame.rpm) { present.remove(.rpm) }
        let steering = -FrameValidator.maximumSteering...FrameValidator.maximumSteering
        if present.contains(.steering), !steering.contains(frame.steering) { present.remove(.steering) }
        if present.contains(.lapDistanceFraction), !FrameValidator.fractionRange.contains(frame.lapDistanceFraction) {
            present.remove(.lapDistanceFraction)
        }
        frame.presentChannels = present
        return frame
    }
}
