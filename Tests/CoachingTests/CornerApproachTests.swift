import Testing
import Telemetry
@testable import Coaching

/// Which braking and which slowest point belong to a corner (issue 16: on real GT7 and AC laps
/// the coach compared a light brake for a kink with the braking for the corner after it, and
/// read a spin past the exit as the apex).
@Suite struct CornerApproachTests {
    /// A 1 km lap on the grid: 50 m/s, slowing linearly to 20 m/s at the apex (700 m) from
    /// 600 m and back up by 800 m, unless `speed` says otherwise; full throttle wherever the
    /// brake is off, except over `coasting`.
    static func lap(brake: (Int) -> Float, coasting: Range<Int> = 0..<0, speed: (Int) -> Float? = { _ in nil }) -> ReferenceLap {
        let n = 1000
        let speeds: [Float] = (0..<n).map { i in
            if let given = speed(i) { return given }
            switch i {
            case 600..<700: return 50 - 30 * Float(i - 600) / 100
            case 700..<800: return 20 + 30 * Float(i - 700) / 100
            default: return 50
            }
        }
        var time: [Float] = [0]
        for i in 1..<n { time.append(time[i - 1] + 1 / speeds[i - 1]) }
        let meta = ReferenceLapMetadata(
            sim: "test", track: TrackDescriptor(name: "hand", configuration: "", length: Double(n)), car: "c",
            lapTime: Double(time[n - 1] + 1 / speeds[n - 1]), source: "hand", date: "2026-01-01")
        return ReferenceLap(
            metadata: meta, time: time, speed: speeds, throttle: (0..<n).map { brake($0) > 0 || coasting.contains($0) ? 0 : 1 },
            brake: (0..<n).map(brake), steering: Array(repeating: 0, count: n), gear: Array(repeating: 3, count: n))
    }

    static let corner = TrackMap.Corner(number: 1, entry: 600, apex: 700, exit: 800, brakePoint: 600)

    /// The reference brakes lightly for a kink 100 m before the corner (inside the 150 m search
    /// window), goes back to full throttle, then brakes for the corner; the lap brakes for the
    /// corner 1 m later and not for the kink. Reading the window's first zone said "100 m later".
    @Test func aLightBrakeForAnEarlierKinkIsNotTheCornersBrakePoint() throws {
        let reference = Self.lap { i in (500..<540).contains(i) ? 0.2 : (600..<680).contains(i) ? 0.8 : 0 }
        let lap = Self.lap { i in (601..<680).contains(i) ? 0.8 : 0 }
        let metrics = CornerAnalyzer.measure(lap: lap, reference: reference, corner: Self.corner)
        let delta = try #require(metrics.versusReference.brakePointDelta)
        #expect(abs(delta - 1) < 0.5, "\(delta)")
    }

    /// A brake, a 15 m lift, more brake is one braking that starts at its first stage (20 m
    /// after the reference's), not at the last stage (65 m).
    @Test func theStagesOfOneBrakingStartAtTheFirst() throws {
        let reference = Self.lap { i in (600..<680).contains(i) ? 0.8 : 0 }
        let staged = Self.lap { i in (620..<650).contains(i) || (665..<690).contains(i) ? 0.8 : 0 }
        let delta = try #require(CornerAnalyzer.measure(lap: staged, reference: reference, corner: Self.corner).versusReference.brakePointDelta)
        #expect(abs(delta - 20) < 0.5, "\(delta)")
        // A gap longer than `stageGap` parts them: the corner's braking is the last one.
        let apart = Self.lap { i in (600..<615).contains(i) || (650..<690).contains(i) ? 0.8 : 0 }
        let late = try #require(CornerAnalyzer.measure(lap: apart, reference: reference, corner: Self.corner).versusReference.brakePointDelta)
        #expect(abs(late - 50) < 0.5, "\(late)")
    }

    /// A spin 50 m past the exit (braked into, 5 m/s at 850 m, after full throttle from the
    /// apex on) is not the apex, and its braking is not the brake point: the lap drove the
    /// corner as the reference did.
    @Test func aSpinPastTheExitIsNotTheApex() throws {
        let reference = Self.lap { i in (600..<680).contains(i) ? 0.8 : 0 }
        let spun = Self.lap(brake: { i in (600..<680).contains(i) || (830..<845).contains(i) ? 0.8 : 0 }) { i in (840..<860).contains(i) ? 5 : nil }
        let metrics = CornerAnalyzer.measure(lap: spun, reference: reference, corner: Self.corner)
        #expect(abs(metrics.versusReference.minimumSpeedDelta ?? .infinity) < 0.5)
        #expect(abs(metrics.apexDistance - 700) <= 3)
        #expect(abs(metrics.versusReference.brakePointDelta ?? .infinity) < 0.5)
    }
}

extension CornerApproachTests {
    /// A light brake 15 m past the reference's apex (36 m after the approach braking ends), with
    /// the lap slowest 40 m past that apex, corrects the line inside the corner: the brake
    /// point is the approach braking's (10 m late), not the dab's.
    @Test func aBrakeDabPastTheReferenceApexIsNotTheApproach() throws {
        let reference = Self.lap { i in (600..<680).contains(i) ? 0.8 : 0 }
        let dabbed = Self.lap(brake: { i in (610..<680).contains(i) ? 0.8 : (715..<730).contains(i) ? 0.2 : 0 }, coasting: 680..<740) { i in
            (700..<780).contains(i) ? 20 - 5 * Float(min(i - 700, 80 - (i - 700))) / 40 : nil
        }
        let metrics = CornerAnalyzer.measure(lap: dabbed, reference: reference, corner: Self.corner)
        #expect(metrics.apexDistance > 720, "the lap is slowest past the dab")
        let delta = try #require(metrics.versusReference.brakePointDelta)
        #expect(abs(delta - 10) < 0.5, "\(delta)")
    }
}
