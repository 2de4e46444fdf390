import Coaching
import Foundation
import Telemetry
import Testing

@Suite struct AlignmentDeltaTrackerTests {
    /// A reference driven at 50 m/s on a 1000.5 m track: t_ref(d) = d / 50 exactly.
    static let reference: ReferenceLap = {
        let count = 1001
        let metadata = ReferenceLapMetadata(
            sim: "iracing", track: TrackDescriptor(name: "Test", configuration: "", length: 1000.5),
            car: "Car", lapTime: 1000.5 / 50, source: "synthesised", date: "2026-01-01")
        return ReferenceLap(
            metadata: metadata, time: (0..<count).map { Float(Double($0) / 50) },
            speed: Array(repeating: 50, count: count), throttle: Array(repeating: 1, count: count),
            brake: Array(repeating: 0, count: count), steering: Array(repeating: 0, count: count),
            gear: Array(repeating: 4, count: count))
    }()

    @Test func deltaIsElapsedMinusInterpolatedReferenceTime() throws {
        var tracker = DeltaTracker(reference: Self.reference)
        // Between grid points: 500.5 m is reached by the reference at 10.01 s.
        let resultSample = tracker.update(lapDistance: 500.5, elapsedLapTime: 10.5, sessionTime: 1)
        let result = try #require(resultSample)
        #expect(abs(result.delta - 0.49) < 1e-5)
        #expect(result.trend == 0, "no trend from a single sample")
        #expect(abs((tracker.referenceTime(at: 0.25) ?? -1) - 0.005) < 1e-6)
        // The last partial metre runs to the line at the reference's lap time.
        #expect(abs((tracker.referenceTime(at: 1000.25) ?? -1) - 20.005) < 1e-5)
        #expect(abs((tracker.referenceTime(at: 1000.5) ?? -1) - 20.01) < 1e-5)
    }

    @Test func nilOutsideTheReference() {
        var tracker = DeltaTracker(reference: Self.reference)
        for distance in [-0.1, 1000.6, 5000, .nan, .infinity] {
            let sample = tracker.update(lapDistance: distance, elapsedLapTime: 1, sessionTime: 1)
            #expect(sample == nil)
        }
        let nanElapsed = tracker.update(lapDistance: 10, elapsedLapTime: .nan, sessionTime: 1)
        #expect(nanElapsed == nil)
    }

    @Test func partialReferenceEndsAtItsGrid() {
        var short = Self.reference
        short.time = Array(short.time.prefix(300))
        var tracker = DeltaTracker(reference: short)
        let onGrid = tracker.update(lapDistance: 299, elapsedLapTime: 6, sessionTime: 1)
        #expect(onGrid != nil)
        let pastGrid = tracker.update(lapDistance: 299.5, elapsedLapTime: 6, sessionTime: 2)
        #expect(pastGrid == nil)
    }

    /// A driver at 40 m/s against the 50 m/s reference loses 0.2 s every second.
    @Test func trendSettlesOnTheRateOfLoss() throws {
        var tracker = DeltaTracker(reference: Self.reference)
        var last: (delta: Double, trend: Double)?
        var trendAfterHalfASecond = 0.0
        for frame in 0..<180 {
            let elapsed = Double(frame) / 60
            last = tracker.update(lapDistance: 40 * elapsed, elapsedLapTime: elapsed, sessionTime: 500 + elapsed)
            if frame == 30 { trendAfterHalfASecond = last?.trend ?? 0 }
        }
        let final = try #require(last)
        #expect(abs(final.delta - 0.2 * 179 / 60) < 1e-4)
        // Exponential smoothing with τ = 0.5 s: 1 - e^-1 of the way after 0.5 s, 1 - e^-6 after 3 s.
        #expect(abs(trendAfterHalfASecond - 0.2 * (1 - exp(-1.0))) < 0.01)
        #expect(abs(final.trend - 0.2) < 0.002)
    }

    @Test func resetForgetsTheTrend() throws {
        var tracker = DeltaTracker(reference: Self.reference)
        _ = tracker.update(lapDistance: 100, elapsedLapTime: 2, sessionTime: 10)
        let losingSample = tracker.update(lapDistance: 110, elapsedLapTime: 3, sessionTime: 11)
        let losing = try #require(losingSample)
        #expect(losing.trend > 0)
        tracker.reset()
        let freshSample = tracker.update(lapDistance: 5, elapsedLapTime: 0.1, sessionTime: 12)
        let fresh = try #require(freshSample)
        #expect(fresh.trend == 0)
    }

    @Test func staleSessionTimeLeavesTheTrendAlone() throws {
        var tracker = DeltaTracker(reference: Self.reference)
        _ = tracker.update(lapDistance: 100, elapsedLapTime: 2, sessionTime: 10)
        let firstSample = tracker.update(lapDistance: 110, elapsedLapTime: 3, sessionTime: 11)
        let first = try #require(firstSample)
        let repeatedSample = tracker.update(lapDistance: 110, elapsedLapTime: 9, sessionTime: 11)
        let repeated = try #require(repeatedSample)
        #expect(repeated.trend == first.trend)
    }
}
