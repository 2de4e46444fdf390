import LapSynthesis
import Telemetry
import Testing
@testable import Coaching

/// `GripLoss`: a corner in which the lap lost speed at full throttle faster than the reference
/// ever slows off the brake (a spin or an off) has no apex speed or pick-up to judge; a lift
/// that slows the car as much is still driving and is judged.
@Suite struct GripLossTests {
    static let track = SyntheticTrack.testCircuit
    static let reference = LapSynthesizer.referenceLap(track: track, car: .gt4)
    static let map = TrackSegmenter.trackMap(for: reference, track: track.descriptor)

    /// The reference with the car slowed to a fifth of its apex speed over the 40 m after the
    /// apex of `corner`, pedals as given, and the times integrated again from the speeds.
    static func slowedAfterApex(of corner: TrackMap.Corner, throttle: Float) -> ReferenceLap {
        var lap = reference
        let apex = Int(corner.apex), metres = 40
        let start = lap.speed[apex]
        for offset in 0...metres {
            lap.speed[apex + offset] = start * (1 - 0.8 * Float(offset) / Float(metres))
            lap.throttle[apex + offset] = throttle
            lap.brake[apex + offset] = 0
        }
        for index in 1..<lap.count {
            let mean = max(0.5, (lap.speed[index] + lap.speed[index - 1]) / 2)
            lap.time[index] = lap.time[index - 1] + 1 / mean
        }
        return lap
    }

    static var braked: TrackMap.Corner {
        get throws { try #require(map.corners.first { $0.brakePoint != nil && Int($0.apex) + 60 < reference.count }) }
    }

    @Test func aSpinAtFullThrottleIsNoApex() throws {
        let corner = try Self.braked
        let limit = try #require(GripLoss.limit(reference: LapWindow(Self.reference)))
        // 1/5 of the apex speed over 40 m is a deceleration far past any lift of the reference.
        let lap = Self.slowedAfterApex(of: corner, throttle: 1)
        let metrics = try #require(CornerAnalyzer.measure(lap: lap, reference: Self.reference, trackMap: Self.map).first { $0.corner == corner.number })
        #expect(metrics.versusReference.minimumSpeedDelta == nil, "limit \(limit) m/s²")
        #expect(metrics.versusReference.throttlePickupDelta == nil)
        // The braking before the spin is still judged, and so is the time it cost.
        #expect(abs(try #require(metrics.versusReference.brakePointDelta)) < 0.5)
        #expect(try #require(metrics.versusReference.timeDelta) > 0)
    }

    @Test func theSameSlowingOffThePedalsIsALiftAndJudged() throws {
        let corner = try Self.braked
        let lap = Self.slowedAfterApex(of: corner, throttle: 0)
        let metrics = try #require(CornerAnalyzer.measure(lap: lap, reference: Self.reference, trackMap: Self.map).first { $0.corner == corner.number })
        #expect(try #require(metrics.versusReference.minimumSpeedDelta) < -10)
    }

    @Test func cleanLapsAreJudgedEverywhere() throws {
        for metrics in CornerAnalyzer.measure(lap: Self.reference, reference: Self.reference, trackMap: Self.map) {
            #expect(metrics.versusReference.minimumSpeedDelta == 0, "T\(metrics.corner)")
        }
        // Noisy clean laps (pedal and speed jitter as a sim sends them), each corner judged.
        for number in 1...3 {
            let lap = LapSynthesizer.lap(track: Self.track, car: .gt4, lapNumber: number, noise: SyntheticNoise(seed: UInt64(number), pedal: 0.025, speed: 0.2))
            let full = GripLoss.hardestDeceleration(LapWindow(lap), from: 0, to: lap.count - 1) { lap, index in
                lap.throttle(index) >= PedalThresholds.throttleFull && lap.brake(index) < PedalThresholds.brakeOff
            }
            // The jitter makes up to 1.3 m/s² at full throttle; the limit is a lift's (3.7 m/s²).
            #expect(full < (try #require(GripLoss.limit(reference: LapWindow(Self.reference)))))
            for metrics in CornerAnalyzer.measure(lap: lap, reference: Self.reference, trackMap: Self.map) {
                #expect(metrics.versusReference.minimumSpeedDelta != nil, "T\(metrics.corner)")
            }
        }
    }
}

/// The pick-up is held for `PedalThresholds.sustainedThrottle` seconds whatever a metre takes:
/// at 10 m/s a metre is 0.1 s, and the grid's last point inside the half second was 0.4 s in.
@Suite struct SlowPickUpTests {
    static func lap(speed: Float, throttle: (Int) -> Float) -> LapWindow {
        let count = 400
        let meta = ReferenceLapMetadata(
            sim: "test", track: TrackDescriptor(name: "slow", configuration: "", length: Double(count)), car: "c",
            lapTime: Double(count) / Double(speed), source: "hand", date: "2026-01-01")
        return LapWindow(ReferenceLap(
            metadata: meta, time: (0..<count).map { Float($0) / speed }, speed: Array(repeating: speed, count: count),
            throttle: (0..<count).map(throttle), brake: Array(repeating: 0, count: count),
            steering: Array(repeating: 0, count: count), gear: Array(repeating: 2, count: count)))
    }

    @Test(arguments: [6, 10, 15, 19, 25, 50] as [Float])
    func fullThrottleHeldIsAPickUpAtAnySpeed(speed: Float) throws {
        // A 0.3 s stab, a lift, then full throttle from between 200 and 201 m to the end.
        let stab = Int((0.3 * speed).rounded(.down))
        let window = Self.lap(speed: speed) { index in
            if (150..<(150 + max(1, stab))).contains(index) { return 1 }
            return index >= 201 ? 1 : index == 200 ? 0.45 : 0
        }
        let pickUp = try #require(CornerAnalyzer.throttlePickup(in: window, from: 100, to: 350))
        // Where the pedal crossed 90 % between 200 m (45 %) and 201 m (100 %).
        #expect(abs(pickUp - (200 + 0.45 / 0.55)) < 1e-4, "at \(speed) m/s")
    }
}
