import Telemetry

/// A reference lap (a 1 m grid with a time channel) sampled in time at 60 Hz, as a sim would
/// have sent it: each frame's distance is where the lap's time channel says the car was.
enum ReferencePlayback {
    static func frames(of lap: ReferenceLap, hz: Double = LoadOptions.frameRate) -> [TelemetryFrame] {
        let count = lap.count
        guard count > 1, lap.metadata.lapTime > 0, lap.metadata.track.length > 0 else { return [] }
        var frames: [TelemetryFrame] = []
        frames.reserveCapacity(Int(lap.metadata.lapTime * hz) + 1)
        var index = 0
        var sample = 0
        while true {
            let t = Double(sample) / hz
            guard t < lap.metadata.lapTime else { break }
            while index + 1 < count, Double(lap.time[index + 1]) <= t { index += 1 }
            let next = min(index + 1, count - 1)
            let t0 = Double(lap.time[index]), t1 = Double(lap.time[next])
            let f = Float(t1 > t0 ? min(1, max(0, (t - t0) / (t1 - t0))) : 0)
            func mix(_ channel: [Float]) -> Float { channel[index] + (channel[next] - channel[index]) * f }
            let distance = (Double(index) + Double(f)) * lap.gridSpacing
            frames.append(
                TelemetryFrame(
                    sessionTime: t, lapNumber: 1, lapDistance: Float(distance),
                    lapDistanceFraction: Float(distance / lap.metadata.track.length), speed: mix(lap.speed),
                    throttle: mix(lap.throttle), brake: mix(lap.brake), steering: mix(lap.steering),
                    gear: f < 0.5 ? lap.gear[index] : lap.gear[next],
                    presentChannels: [.required, .lapDistanceFraction, .steering]))
            sample += 1
        }
        return frames
    }
}
