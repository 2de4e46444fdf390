import Coaching
import Foundation
import Telemetry

/// Turns a speed trace into the pedal, gear, steering and time channels a driver would produce,
/// with the same physics the speed solver used, so every channel agrees with the speed.
enum LapChannels {
    /// Above this share of the available drive force the pedal is treated as flat (1).
    static let fullThrottleShare = 0.97
    /// Time a driver takes to build brake pressure (about 0.1 s in sim and real data).
    static let brakeOnsetRamp = 0.1

    static func lap(speed: [Double], curvature: [Double], car: CarProfile, metadata: ReferenceLapMetadata) -> ReferenceLap {
        let count = speed.count
        var throttle = [Float](repeating: 0, count: count)
        var brake = [Float](repeating: 0, count: count)
        for index in 0..<count {
            let v = speed[index], next = speed[Grid.wrap(index + 1, count)]
            let acceleration = (next * next - v * v) / 2
            let needed = acceleration + car.dragPerMass * v * v
            if needed > 0 {
                let share = needed / max(SpeedProfile.driveLimit(speed: v, curvature: curvature[index], car: car), 1e-6)
                throttle[index] = Float(share >= fullThrottleShare ? 1 : min(1, share))
            } else {
                brake[index] = Float(min(1, -needed / (car.brakingDeceleration * SpeedProfile.gravity)))
            }
        }
        rampBrakeOnsets(&brake, throttle: &throttle, speed: speed)
        var time = [Float](repeating: 0, count: count)
        var elapsed = 0.0
        for index in 1..<max(count, 1) {
            elapsed += 2 / max(speed[index - 1] + speed[index], 0.1)
            time[index] = Float(elapsed)
        }
        var metadata = metadata
        metadata.lapTime = count > 0 ? elapsed + 2 / max(speed[count - 1] + speed[0], 0.1) : 0
        return ReferenceLap(
            metadata: metadata, time: time, speed: speed.map { Float($0) }, throttle: throttle, brake: brake,
            steering: curvature.map { Float(atan(car.wheelbase * $0) * car.steeringRatio) },
            gear: speed.map { gear(for: $0, car: car) })
    }

    static func gear(for speed: Double, car: CarProfile) -> Int8 {
        let index = car.gearTopSpeeds.firstIndex { speed <= $0 } ?? (car.gearTopSpeeds.count - 1)
        return Int8(clamping: index + 1)
    }

    /// A real pedal cannot jump to full pressure: every braking onset becomes a linear ramp of
    /// `brakeOnsetRamp` seconds centred on the physical onset, which keeps the braking impulse
    /// (and so the speed trace) unchanged. The driver is off the throttle during the ramp.
    static func rampBrakeOnsets(_ brake: inout [Float], throttle: inout [Float], speed: [Double]) {
        let count = brake.count
        guard count > 2 else { return }
        let onsets = (0..<count).filter { brake[$0] > 0 && brake[Grid.wrap($0 - 1, count)] == 0 }
        for onset in onsets {
            let half = max(1, Int((brakeOnsetRamp * speed[onset] / 2).rounded()))
            let target = brake[Grid.wrap(onset + half, count)]
            for offset in -half...half {
                let index = Grid.wrap(onset + offset, count)
                brake[index] = target * Float(offset + half) / Float(2 * half)
                if offset < 0 { throttle[index] = 0 }
            }
        }
    }
}
