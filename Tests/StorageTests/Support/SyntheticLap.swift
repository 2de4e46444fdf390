import Coaching
import Foundation
import Storage
import Telemetry
import TestSupport

/// Synthetic laps for tests: `BenchmarkLap`'s frames with adjustable corners and lap time.
enum SyntheticLap {
    static let trackLength = BenchmarkLap.trackLength

    /// The benchmark's lap frames (`BenchmarkLap` documents the signals), so tests and the
    /// benchmark encode exactly the same data.
    static func frames(count: Int = 5_000, lapNumber: Int32 = 3, startTime: Double = 1_234.5, seed: UInt64 = 42) -> [TelemetryFrame] {
        BenchmarkLap.frames(count: count, lapNumber: lapNumber, startTime: startTime, seed: seed)
    }

    static func corners(count: Int = 3, brakeShift: Double = 0) -> [CornerMetrics] {
        (1...max(count, 1)).map { number in
            let start = Double(number) * 1_000
            return CornerMetrics(
                corner: number, name: "Turn \(number)", startDistance: start, apexDistance: start + 120,
                endDistance: start + 250, brakePoint: start + 20 + brakeShift, peakBrake: 0.8 + Double(number) / 100,
                minimumSpeed: 90 + Double(number), throttlePickup: start + 140, apexGear: 3, coastingDistance: 4,
                versusReference: CueNumbers(brakePointDelta: -5, minimumSpeedDelta: -2, timeDelta: 0.1 * Double(number))
            )
        }
    }

    static func zones() -> [BrakingZone] {
        [BrakingZone(startDistance: 1_020, endDistance: 1_110, peakPressure: 0.85, entrySpeed: 62, exitSpeed: 27),
         BrakingZone(startDistance: 2_020, endDistance: 2_095, peakPressure: 0.7, entrySpeed: 55, exitSpeed: 31)]
    }

    static func completed(
        lapNumber: Int32 = 3, frameCount: Int = 5_000, startTime: Double = 1_234.5, lapTime: Double? = 83.3,
        corners: [CornerMetrics] = corners()
    ) -> CompletedLap {
        CompletedLap(
            lapNumber: lapNumber, lapTime: lapTime, isValid: lapTime != nil, invalidReason: lapTime == nil ? "partial" : nil,
            deltaToReference: lapTime.map { $0 - 82.9 },
            frames: frames(count: frameCount, lapNumber: lapNumber, startTime: startTime),
            corners: corners, brakingZones: zones()
        )
    }
}
