import Telemetry

/// Frames with distinct, physically plausible values in every channel, so a codec that swaps,
/// drops or truncates a channel cannot round-trip them.
enum SampleFrames {
    static func full(_ index: Int) -> TelemetryFrame {
        let i = Float(index)
        return TelemetryFrame(
            sessionTime: 4216.383333 + Double(index) / 60, lapNumber: 174, lapDistance: 0.596 + i * 0.71,
            lapDistanceFraction: 0.00103 + i * 0.0012, speed: 43.216 + i * 0.05, throttle: 0.75, brake: 0.125,
            clutch: 1, steering: 0.7138 - i * 0.01, gear: 3, rpm: 6622.5 + i, lateralAcceleration: 9.99,
            longitudinalAcceleration: -2.72, yawRate: 0.305, latitude: 37.0861231 + Double(index) * 1e-6,
            longitude: -76.3860431, onPitRoad: index % 2 == 0, trackSurface: .approachingPits,
            presentChannels: .all)
    }

    /// `full(index)` keeping only `channels`, with the neutral values a decoder gives the rest.
    static func restricted(_ index: Int, to channels: ChannelMask) -> TelemetryFrame {
        let source = full(index)
        var frame = TelemetryFrame(
            sessionTime: source.sessionTime, lapNumber: source.lapNumber, lapDistance: source.lapDistance,
            speed: source.speed, throttle: source.throttle, brake: source.brake, gear: source.gear,
            presentChannels: channels)
        if channels.contains(.lapDistanceFraction) { frame.lapDistanceFraction = source.lapDistanceFraction }
        if channels.contains(.clutch) { frame.clutch = source.clutch }
        if channels.contains(.steering) { frame.steering = source.steering }
        if channels.contains(.rpm) { frame.rpm = source.rpm }
        if channels.contains(.lateralAcceleration) { frame.lateralAcceleration = source.lateralAcceleration }
        if channels.contains(.longitudinalAcceleration) { frame.longitudinalAcceleration = source.longitudinalAcceleration }
        if channels.contains(.yawRate) { frame.yawRate = source.yawRate }
        if channels.contains(.latitude) { frame.latitude = source.latitude }
        if channels.contains(.longitude) { frame.longitude = source.longitude }
        if channels.contains(.onPitRoad) { frame.onPitRoad = source.onPitRoad }
        if channels.contains(.trackSurface) { frame.trackSurface = source.trackSurface }
        return frame
    }

    static func batch(count: Int, channels: ChannelMask = .all, sequence: UInt64 = 7) -> FrameBatch {
        FrameBatch(sequence: sequence, frames: (0..<count).map { restricted($0, to: channels) })
    }
}

/// Runs `body` and returns the `WireError` it throws, or nil.
func wireError(_ body: () throws(WireError) -> Void) -> WireError? {
    do throws(WireError) {
        try body()
        return nil
    } catch {
        return error
    }
}
