import Foundation
import Testing
import TestSupport
import Telemetry
@testable import Coaching
@testable import LapSynthesis

/// The synthesiser on real circuits (TUMFTM race lines) against what GT4 cars really do there.
@Suite struct SynthesisRealTrackTests {
    struct Circuit: Sendable, CustomTestStringConvertible {
        var file: String
        /// Plausible GT4 lap times, seconds. Real GT4 laps (from memory of published results,
        /// no source at hand to re-check): Spa ~2:17-2:22 in the GT4 European Series, Monza
        /// ~1:55-2:00, Brands Hatch GP ~1:33-1:38 in British GT. The model has no elevation,
        /// no tyre load sensitivity and a perfect, risk-free driver on a minimum-curvature
        /// line (not the fastest line), so a band of about ±15% around those is asserted.
        /// Measured: Spa 150.3 s (slow: no downforce or compression, so Eau Rouge, Pouhon and
        /// Blanchimont need braking), Monza 114.2 s, Brands Hatch GP 90.1 s.
        var lapTimes: ClosedRange<Double>
        /// Corners the model brakes for. The synthetic driver never lifts: every speed dip is
        /// braked for, however lightly, so a corner counts from a small dip (see `TrackSegmenter`).
        /// The floor is the corners real GT4 drivers clearly brake for, the ceiling the circuit's
        /// numbered turns (one dip per turn at most):
        /// Spa: La Source, Les Combes, Bruxelles, Pouhon, Fagnes, Stavelot, Bus Stop (7); 19 turns.
        /// Monza: Rettifilo, Roggia, both Lesmos, Ascari, Parabolica (6); 11 turns.
        /// Brands Hatch GP: Druids, Graham Hill, Surtees, Hawthorn, Westfield, Sheene, Stirlings,
        /// Clearways-Clark (about 6 firm stops); about 12 named corners.
        var brakingCorners: ClosedRange<Int>
        var testDescription: String { file }
    }

    static let circuits = [
        Circuit(file: "Spa", lapTimes: 120...160, brakingCorners: 7...19),
        Circuit(file: "Monza", lapTimes: 100...130, brakingCorners: 6...11),
        Circuit(file: "BrandsHatch", lapTimes: 82...110, brakingCorners: 6...12),
    ]

    static func raceLine(_ file: String) throws -> TrackLine? {
        guard let data = TestData.sharedDataDirectory else { return nil }
        return try TrackGeometryCSV.read(from: data.appendingPathComponent("tracks/tumftm/racelines/\(file).csv"))
    }

    @Test(.enabled(if: TestData.sharedDataDirectory != nil, "needs ../shared/data (absent)"), arguments: circuits)
    func gt4LapIsPlausible(circuit: Circuit) throws {
        let line = try #require(try Self.raceLine(circuit.file))
        let reference = try SynthesisedReference(line: line, name: circuit.file, configuration: "", carKey: "gt4", car: .gt4)
        let lap = reference.lap
        print("\(circuit.file): \(lap.count) m, \(lap.metadata.lapTime) s, corners \(reference.trackMap.corners.map { "\($0.apex)\($0.brakePoint == nil ? "" : "B")" })")
        #expect(abs(Double(lap.count) - line.length) <= 0.01 * line.length)
        #expect(abs(lap.metadata.track.length - line.length) <= 0.01 * line.length)
        #expect(circuit.lapTimes.contains(lap.metadata.lapTime), "lap time \(lap.metadata.lapTime) s")
        let braking = reference.trackMap.corners.filter { $0.brakePoint != nil }
        #expect(circuit.brakingCorners.contains(braking.count), "\(braking.count) braking corners")
        // Never faster than the grip allows on the measured curvature, nor than the gearing.
        for index in 0..<lap.count {
            let v = Double(lap.speed[index])
            #expect(v * v * abs(reference.track.curvature(at: Double(index))) <= CarProfile.gt4.lateralGrip * 9.81 * 1.001)
            #expect(v <= CarProfile.gt4.topSpeed + 1e-3)
        }
        #expect(try ReferenceLapFile.decode(ReferenceLapFile.encode(lap)).count == lap.count)
    }

    @Test(.enabled(if: TestData.sharedDataDirectory != nil, "needs ../shared/data (absent)"))
    func framesAndMistakesWorkOnARealCircuit() throws {
        let line = try #require(try Self.raceLine("BrandsHatch"))
        let track = try SyntheticTrack(name: "Brands Hatch", configuration: "GP", line: line)
        let corners = LapSynthesizer.corners(track: track, car: .gt4)
        let first = try #require(corners.first)
        let session = LapSynthesizer.frames(
            track: track, car: .gt4, laps: 2, mistakes: [.brakeEarly(corner: first.number, lap: 2, metres: 25)])
        #expect(session.injected.count == 1)
        #expect(session.lapTimes[1] > session.lapTimes[0] + 0.1)
        #expect(abs(session.lapTimes[0] - session.reference.metadata.lapTime) < 1e-9)
        #expect(session.frames.allSatisfy { $0.lapDistance >= 0 && Double($0.lapDistance) < track.length })
        #expect(session.reference.metadata.track == TrackDescriptor(name: "Brands Hatch", configuration: "GP", length: track.length))
    }

    @Test func profileTrackFindsOneApexPerBend() throws {
        // Two 90° left bends of peak curvature 1/50 m (sine-squared bumps, 2 * angle * R long)
        // on a 1,000 m lap, and a 1/2,000 m ripple on the back straight that is no corner.
        let bend = 2 * (Double.pi / 2) * 50
        let samples = (0..<1000).map { index -> Double in
            let d = Double(index)
            for start in [100.0, 500.0] where d >= start && d < start + bend {
                return pow(sin(.pi * (d - start) / bend), 2) / 50
            }
            return d > 800 && d < 900 ? sin(.pi * (d - 800) / 100) / 2000 : 0
        }
        let track = try SyntheticTrack(name: "Oval", configuration: "test", curvatureProfile: samples, spacing: 1)
        #expect(track.length == 1000)
        #expect(track.segments.isEmpty)
        let apexes = track.cornerApexes
        #expect(apexes.count == 2)
        #expect(apexes.first.map { abs($0 - (100 + bend / 2)) <= 1 } == true)
        #expect(abs(track.curvature(at: 100 + bend / 2) - 1.0 / 50) < 1e-4)
        #expect(abs(track.curvature(at: -1000 + 100 + bend / 2) - 1.0 / 50) < 1e-4)  // wraps
        let corners = LapSynthesizer.corners(track: track, car: .gt4)
        #expect(corners.count == 2)
        // Grip-limited apex speed sqrt(1.45 g * 50 m) = 26.7 m/s = 96 km/h.
        #expect(corners.allSatisfy { abs($0.apexSpeed - (1.45 * 9.81 * 50).squareRoot() * 3.6) < 1 })
    }

    @Test func badProfilesGetStableErrors() {
        func code(_ samples: [Double], _ spacing: Double) -> String? {
            do {
                _ = try SyntheticTrack(name: "x", configuration: "", curvatureProfile: samples, spacing: spacing)
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code([0], 1) == "too_few_samples")
        #expect(code([0, 0], 0) == "invalid_spacing")
        #expect(code([0, 0], .infinity) == "invalid_spacing")
        #expect(code([0, .nan, 0], 1) == "non_finite_curvature")
        #expect(code([0, 0, 0], 1) == nil)
    }

    @Test func fileNamesAreSlugs() {
        #expect(SynthesisedReference.slug("Spa-Francorchamps") == "spa-francorchamps")
        #expect(SynthesisedReference.slug("  Brands Hatch (GP) ") == "brands-hatch-gp")
        #expect(SynthesisedReference.slug("Autodromo Nazionale Monza") == "autodromo-nazionale-monza")
        #expect(SynthesisedReference.slug("Nürburgring") == "nurburgring")
        #expect(CarProfile.preset(named: "GT4") == .gt4)
        #expect(CarProfile.preset(named: "roadcar") == .roadCar)
        #expect(CarProfile.preset(named: "kart") == nil)
    }
}
