import Telemetry

// Copies one channel of every frame into a contiguous column, the encoder's first step.
// One loop per channel (the `switch` is outside it) reads a single field of each frame, so the
// compiler can drop the per-frame dispatch and the copy of the whole frame.

extension StoredChannel {
    /// Fills `output[0..<frames.count]` with this real channel (NaN for integer channels).
    func gatherReal(_ frames: UnsafeBufferPointer<TelemetryFrame>, into output: UnsafeMutableBufferPointer<Double>) {
        switch self {
        case .sessionTime: Self.gather(frames, into: output) { $0.sessionTime }
        case .lapDistance: Self.gather(frames, into: output) { Double($0.lapDistance) }
        case .lapDistanceFraction: Self.gather(frames, into: output) { Double($0.lapDistanceFraction) }
        case .speed: Self.gather(frames, into: output) { Double($0.speed) }
        case .throttle: Self.gather(frames, into: output) { Double($0.throttle) }
        case .brake: Self.gather(frames, into: output) { Double($0.brake) }
        case .clutch: Self.gather(frames, into: output) { Double($0.clutch) }
        case .steering: Self.gather(frames, into: output) { Double($0.steering) }
        case .rpm: Self.gather(frames, into: output) { Double($0.rpm) }
        case .lateralAcceleration: Self.gather(frames, into: output) { Double($0.lateralAcceleration) }
        case .longitudinalAcceleration: Self.gather(frames, into: output) { Double($0.longitudinalAcceleration) }
        case .yawRate: Self.gather(frames, into: output) { Double($0.yawRate) }
        case .latitude: Self.gather(frames, into: output) { $0.latitude }
        case .longitude: Self.gather(frames, into: output) { $0.longitude }
        case .lapNumber, .gear, .onPitRoad, .trackSurface: Self.gather(frames, into: output) { _ in .nan }
        }
    }

    /// Fills `output[0..<frames.count]` with this integer channel (0 for real channels).
    func gatherInteger(_ frames: UnsafeBufferPointer<TelemetryFrame>, into output: UnsafeMutableBufferPointer<Int64>) {
        switch self {
        case .lapNumber: Self.gather(frames, into: output) { Int64($0.lapNumber) }
        case .gear: Self.gather(frames, into: output) { Int64($0.gear) }
        case .onPitRoad: Self.gather(frames, into: output) { $0.onPitRoad ? 1 : 0 }
        case .trackSurface: Self.gather(frames, into: output) { Int64($0.trackSurface.rawValue) }
        default: Self.gather(frames, into: output) { _ in 0 }
        }
    }

    @inline(__always)
    static func gather<Value>(
        _ frames: UnsafeBufferPointer<TelemetryFrame>, into output: UnsafeMutableBufferPointer<Value>,
        _ value: (TelemetryFrame) -> Value
    ) {
        for index in 0..<min(frames.count, output.count) { output[index] = value(frames[index]) }
    }
}
