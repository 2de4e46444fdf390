import Foundation
import Telemetry

@testable import WebPages

/// Laps made up for the renderer tests: `length` metres on the 1 m grid, a braking zone every
/// 500 m, the "driver" a little slower than the reference in each.
enum PageFixtures {
    static func reference(length: Int = 5_000, slower: Double = 0) -> ReferenceLap {
        var time: [Float] = [], speed: [Float] = [], throttle: [Float] = [], brake: [Float] = []
        var steering: [Float] = [], gear: [Int8] = []
        var elapsed = 0.0
        for metre in 0...length {
            let phase = metre % 500
            let braking = phase >= 300 && phase < 340
            let metresPerSecond = phase < 300 ? 40 + Double(phase) / 10 : max(25, 70 - Double(phase - 300)) - slower
            elapsed += metre == 0 ? 0 : 1 / metresPerSecond
            time.append(Float(elapsed))
            speed.append(Float(metresPerSecond))
            throttle.append(braking ? 0 : (phase < 300 ? 1 : 0.6))
            brake.append(braking ? 0.9 : 0)
            steering.append(phase >= 340 ? 0.2 : 0)
            gear.append(phase < 300 ? 5 : 3)
        }
        let metadata = ReferenceLapMetadata(
            sim: "iracing", track: TrackDescriptor(name: "Test Ring", configuration: "", length: Double(length)), car: "GT4",
            lapTime: elapsed, source: "synthesised", date: "2026-12-05")
        return ReferenceLap(metadata: metadata, time: time, speed: speed, throttle: throttle, brake: brake, steering: steering, gear: gear)
    }

    static func corners(length: Int = 5_000) -> [CornerMark] {
        stride(from: 300, to: length, by: 500).enumerated().map { index, start in
            CornerMark(
                number: index + 1, name: index == 0 ? "Paddock <Hill>" : nil, startDistance: Double(start),
                apexDistance: Double(start + 60), timeLost: 0.05 * Double(index), minimumSpeed: 90, brakePoint: Double(start))
        }
    }

    static func lapInput(length: Int = 5_000, kind: LapPageInput.Kind = .againstReference, withReference: Bool = true) -> LapPageInput {
        LapPageInput(
            kind: kind, sessionID: "0d6f7a52-0000-4000-8000-000000000001", track: "Test Ring", car: "GT4", lapNumber: 7,
            lapTime: 123.4567, delta: 0.4321, lap: LapTraces(reference(length: length, slower: 1)),
            reference: withReference ? LapTraces(reference(length: length)) : nil, corners: corners(length: length))
    }
}
