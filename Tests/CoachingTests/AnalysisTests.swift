import Testing
import Telemetry
@testable import Coaching
@testable import LapSynthesis

/// A lap on the grid built by hand: constant 50 m/s (so 1 m = 0.02 s), given brake trace.
private func handLap(count: Int = 1000, brake: (Int) -> Float) -> ReferenceLap {
    let meta = ReferenceLapMetadata(
        sim: "test", track: TrackDescriptor(name: "hand", configuration: "", length: Double(count)), car: "c",
        lapTime: Double(count) / 50, source: "hand", date: "2026-01-01")
    return ReferenceLap(
        metadata: meta, time: (0..<count).map { Float($0) / 50 }, speed: Array(repeating: 50, count: count),
        throttle: (0..<count).map { brake($0) > 0 ? 0 : 1 }, brake: (0..<count).map(brake),
        steering: Array(repeating: 0, count: count), gear: Array(repeating: 4, count: count))
}

@Suite struct BrakingZoneTests {
    @Test func findsZonesMergesReleasesIgnoresBlips() {
        let lap = handLap { i in
            switch i {
            case 100..<180: 0.8                // a plain zone, 80 m = 1.6 s
            case 300..<304: 0.9                // a 4 m = 0.08 s blip: ignored
            case 400..<440, 445..<500: 0.7     // a 5 m = 0.1 s release inside a zone: merged
            case 600..<620: 0.06               // under the onset threshold: not braking
            case 980..<1000, 0..<30: 0.5       // across the line
            default: 0
            }
        }
        let zones = BrakingZoneDetector.zones(in: lap)
        #expect(zones.count == 3)
        // Onset interpolated where the step from 0 crosses 8%: 0.08 / 0.8 = 0.1 m before index 100.
        let expectedStarts: [Double] = [99.1, 399.0 + 0.08 / 0.7, 979.16]
        let expectedEnds: [Double] = [179, 499, 29]
        let expectedPeaks: [Double] = [0.8, 0.7, 0.5]
        for (zone, start) in zip(zones, expectedStarts) { #expect(abs(zone.startDistance - start) < 1e-4) }
        for (zone, end) in zip(zones, expectedEnds) { #expect(zone.endDistance == end) }
        for (zone, peak) in zip(zones, expectedPeaks) { #expect(abs(zone.peakPressure - peak) < 1e-6) }
    }

    @Test func releaseLongerThanMergeGapSplits() {
        // 15 m at 50 m/s = 0.3 s off the brake: two zones.
        let lap = handLap { (100..<150).contains($0) || (165..<220).contains($0) ? 0.6 : 0 }
        #expect(BrakingZoneDetector.zones(in: lap).count == 2)
    }

    @Test func emptyAndDegenerateLaps() {
        #expect(BrakingZoneDetector.zones(in: handLap(count: 2) { _ in 1 }).isEmpty)
        #expect(BrakingZoneDetector.zones(in: handLap { _ in 1 }).isEmpty)
    }
}

/// Layouts and cars the analysis is checked on (ground truth from the synthesiser).
let analysisCases: [(SyntheticTrack, CarProfile)] = [(.testCircuit, .gt4), (.testCircuit, .formula), (.clubCircuit, .gt4), (.clubCircuit, .roadCar)]

@Suite struct TrackSegmenterTests {
    @Test(arguments: analysisCases.indices)
    func findsTheSynthesisedCorners(caseIndex: Int) throws {
        let (track, car) = analysisCases[caseIndex]
        let reference = LapSynthesizer.referenceLap(track: track, car: car)
        let truth = LapSynthesizer.corners(track: track, car: car)
        let map = TrackSegmenter.trackMap(for: reference, track: track.descriptor)
        try #require(map.corners.count == truth.count, "\(map.corners.map(\.apex)) vs \(truth.map(\.apex))")
        for (found, expected) in zip(map.corners, truth) {
            #expect(found.number == expected.number)
            #expect(abs(found.apex - expected.apex) <= 3, "T\(found.number) apex")
            let onset = try #require(expected.brakeOnset)
            let brakePoint = try #require(found.brakePoint)
            // The pedal ramp is centred on the physical onset; 8% is crossed just before it.
            #expect(TrackSegmenter.distance(brakePoint, onset, reference.count) <= 4, "T\(found.number) brake")
            #expect(found.entry == brakePoint)
            #expect(Grid.forwardDistance(from: found.apex, to: found.exit, count: reference.count) < 400)
        }
    }

    @Test func cornerCrossingTheLineKeepsMetres() throws {
        let reference = LapSynthesizer.referenceLap(track: .clubCircuit, car: .gt4)
        let map = TrackSegmenter.trackMap(for: reference, track: SyntheticTrack.clubCircuit.descriptor)
        let first = try #require(map.corners.first)
        // The hairpin's apex is just after the line, its braking starts on the closing straight.
        #expect(first.apex < 150)
        #expect(try #require(first.brakePoint) > SyntheticTrack.clubCircuit.length - 150)
        #expect(map.corners.allSatisfy { $0.entry >= 0 && $0.entry < 2400 && $0.exit >= 0 && $0.exit < 2400 })
    }

    @Test(arguments: analysisCases.indices)
    func noisyLapsSegmentLikeTheReference(caseIndex: Int) {
        let (track, car) = analysisCases[caseIndex]
        let reference = LapSynthesizer.referenceLap(track: track, car: car)
        let clean = TrackSegmenter.trackMap(for: reference, track: track.descriptor)
        for seed in UInt64(1)...5 {
            let noisy = LapSynthesizer.lap(track: track, car: car, lapNumber: 1, noise: .init(seed: seed, pedal: 0.02, speed: 0.2))
            let map = TrackSegmenter.trackMap(for: noisy, track: track.descriptor)
            #expect(map.corners.count == clean.corners.count, "seed \(seed)")
            for (a, b) in zip(map.corners, clean.corners) {
                #expect(TrackSegmenter.distance(a.apex, b.apex, reference.count) <= 5)
                #expect(TrackSegmenter.distance(a.brakePoint ?? -99, b.brakePoint ?? 99, reference.count) <= 3)
            }
        }
    }

    @Test func copiesNamesByApex() throws {
        let reference = LapSynthesizer.referenceLap(track: .testCircuit, car: .gt4)
        let plain = TrackSegmenter.trackMap(for: reference, track: SyntheticTrack.testCircuit.descriptor)
        let hairpin = try #require(plain.corners.first { $0.number == 3 })
        var named = plain
        named.corners = [TrackMap.Corner(number: 9, name: "Hairpin", landmark: "100 board", entry: 0, apex: hairpin.apex + 20, exit: 0, brakePoint: nil),
                         TrackMap.Corner(number: 8, name: "Far", entry: 0, apex: hairpin.apex + 200, exit: 0, brakePoint: nil)]
        let map = TrackSegmenter.trackMap(for: reference, track: SyntheticTrack.testCircuit.descriptor, names: named)
        #expect(map.corners.first { $0.number == 3 }?.name == "Hairpin")
        #expect(map.corners.first { $0.number == 3 }?.landmark == "100 board")
        #expect(map.corners.filter { $0.name != nil }.count == 1)
    }

    @Test func tooShortLapHasNoCorners() {
        #expect(TrackSegmenter.trackMap(for: handLap(count: 50) { _ in 0 }, track: .init(name: "x", configuration: "", length: 50)).corners.isEmpty)
    }
}

@Suite struct CornerAnalyzerTests {
    /// Mistakes measured on whole grid laps, per layout and car: the right corner, the right
    /// sign, and the injected size.
    @Test(arguments: analysisCases.indices)
    func measuresInjectedMistakes(caseIndex: Int) throws {
        let (track, car) = analysisCases[caseIndex]
        let reference = LapSynthesizer.referenceLap(track: track, car: car)
        let map = TrackSegmenter.trackMap(for: reference, track: track.descriptor)
        let clean = CornerAnalyzer.measure(lap: reference, reference: reference, trackMap: map)
        #expect(clean.allSatisfy { $0.versusReference.brakePointDelta == 0 && $0.versusReference.timeDelta == 0 })
        let mistakes: [InjectedMistake] = [
            .brakeEarly(corner: 1, lap: 1, metres: 20), .slowApex(corner: 2, lap: 1, kmh: 8),
            .lateThrottle(corner: 3, lap: 1, metres: 25), .brakeLate(corner: 4, lap: 1, metres: 15),
        ]
        let lap = LapSynthesizer.lap(track: track, car: car, lapNumber: 1, mistakes: mistakes)
        let metrics = CornerAnalyzer.measure(lap: lap, reference: reference, trackMap: map)
        let numbers = metrics.map(\.versusReference)
        #expect(abs((numbers[0].brakePointDelta ?? 0) + 20) <= 5)
        #expect(abs(numbers[0].minimumSpeedDelta ?? 9) <= 2)
        #expect(abs((numbers[1].minimumSpeedDelta ?? 0) + 8) <= 2)
        #expect(abs(numbers[1].brakePointDelta ?? 9) <= 5)
        #expect(abs((numbers[2].throttlePickupDelta ?? 0) - 25) <= 5)
        #expect(abs(numbers[2].brakePointDelta ?? 9) <= 5)
        #expect(abs((numbers[3].brakePointDelta ?? 0) - 15) <= 5)
        #expect(numbers[0].timeDelta ?? 0 > 0)
        #expect(numbers[2].timeDelta ?? 0 > 0)
        // Corners after the mistakes: the car may still be rejoining the reference trace when it
        // reaches the next braking zone (slower, so it brakes a metre or two later).
        for index in 4..<numbers.count {
            #expect(abs(numbers[index].brakePointDelta ?? 0) <= 2)
            #expect(abs(numbers[index].minimumSpeedDelta ?? 0) < 1)
        }
    }
}
