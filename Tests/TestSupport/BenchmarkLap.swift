import Coaching
import LapSynthesis
import Foundation
import Telemetry

/// A realistic-looking lap for benchmarks and tests, built from sine and ramp signals plus
/// seeded noise: every channel carries data, noise defeats naive compression the way real
/// sensors do, and a few frames hold NaN (an unplugged clutch pedal) and off-track flags.
/// Deterministic, so every run measures the same bytes.
public enum BenchmarkLap {
    public static let trackLength = 4_000.0

    public static func frames(
        count: Int = 5_000, lapNumber: Int32 = 3, startTime: Double = 1_234.5, seed: UInt64 = 42
    ) -> [TelemetryFrame] {
        var random = SeededGenerator(seed: seed)
        var distance = 0.0
        var frames: [TelemetryFrame] = []
        frames.reserveCapacity(count)
        for index in 0..<count {
            let phase = Double(index) / Double(count) * 2 * .pi
            let speed = 45 + 20 * sin(phase * 7) + random.noise(0.05)
            distance = min(trackLength, distance + speed / 60)
            let braking = max(0, -sin(phase * 7 + 0.4))
            frames.append(TelemetryFrame(
                sessionTime: startTime + Double(index) / 60,
                lapNumber: lapNumber,
                lapDistance: Float(distance),
                lapDistanceFraction: Float(distance / trackLength),
                speed: Float(speed),
                throttle: Float(min(1, max(0, 1 - 1.5 * braking + random.noise(0.01)))),
                brake: Float(min(1, max(0, braking + random.noise(0.01)))),
                clutch: index % 1_000 < 20 ? .nan : Float(min(1, max(0, 1 + random.noise(0.002)))),
                steering: Float(0.6 * sin(phase * 11) + random.noise(0.003)),
                gear: Int8(clamping: 2 + Int(speed / 15)),
                rpm: Float(4_000 + 3_000 * sin(phase * 23) + random.noise(5)),
                lateralAcceleration: Float(12 * sin(phase * 11) + random.noise(0.2)),
                longitudinalAcceleration: Float(-9 * braking + random.noise(0.2)),
                yawRate: Float(0.8 * sin(phase * 11) + random.noise(0.01)),
                latitude: 51.35 + 0.004 * sin(phase) + random.noise(1e-7),
                longitude: -0.73 + 0.006 * cos(phase) + random.noise(1e-7),
                onPitRoad: index < 50,
                trackSurface: (2_000..<2_030).contains(index) ? .offTrack : .onTrack,
                presentChannels: .all
            ))
        }
        return frames
    }

    /// A completed 83.3 s lap of `frameCount` frames with three corners and two braking zones.
    public static func completed(lapNumber: Int32 = 3, frameCount: Int = 5_000) -> CompletedLap {
        let corners = (1...3).map { number in
            let start = Double(number) * 1_000
            return CornerMetrics(
                corner: number, name: "Turn \(number)", startDistance: start, apexDistance: start + 120,
                endDistance: start + 250, brakePoint: start + 20, peakBrake: 0.8 + Double(number) / 100,
                minimumSpeed: 90 + Double(number), throttlePickup: start + 140, apexGear: 3, coastingDistance: 4,
                versusReference: CueNumbers(brakePointDelta: -5, minimumSpeedDelta: -2, timeDelta: 0.1 * Double(number))
            )
        }
        let zones = [
            BrakingZone(startDistance: 1_020, endDistance: 1_110, peakPressure: 0.85, entrySpeed: 62, exitSpeed: 27),
            BrakingZone(startDistance: 2_020, endDistance: 2_095, peakPressure: 0.7, entrySpeed: 55, exitSpeed: 31),
        ]
        return CompletedLap(
            lapNumber: lapNumber, lapTime: 83.3, isValid: true, invalidReason: nil, deltaToReference: 0.4,
            frames: frames(count: frameCount, lapNumber: lapNumber), corners: corners, brakingZones: zones
        )
    }
}
