import Testing
import Telemetry
@testable import Coaching

/// A corner is measured live once its window is behind the car, and the braking for it may still
/// be under way then (GT7 Red Bull Ring turn 6 on laps 2 and 6: the brake came off 1 m past the
/// measuring's end). The metres not driven yet must not be read as driving.
@Suite struct LiveBrakingUnderWayTests {
    static let n = 1000
    static let speed: Float = 50

    /// Braking for turn 1 just after the line, and for turn 2 from 610 m to 720 m, past where
    /// turn 2's measuring ends (705 m, where turn 3's approach starts).
    static func brake(at distance: Double) -> Float { (30..<80).contains(distance) || (610..<720).contains(distance) ? 1 : 0 }

    static func sample(_ distance: Double) -> LiveLapRecorder.Sample {
        let speed = distance >= 610 ? Self.speed - Float(distance - 610) * 0.2 : Self.speed
        return .init(
            distance: distance, elapsed: distance / Double(Self.speed), sessionTime: 100 + distance / Double(Self.speed), speed: speed,
            throttle: brake(at: distance) > 0 ? 0 : 1, brake: brake(at: distance), gear: 3)
    }

    static let template: ReferenceLap = {
        let meta = ReferenceLapMetadata(
            sim: "test", track: TrackDescriptor(name: "small", configuration: "", length: Double(n)), car: "c",
            lapTime: Double(n) / Double(speed), source: "hand", date: "2026-01-01")
        return ReferenceLap(
            metadata: meta, time: (0..<n).map { Float($0) / speed }, speed: Array(repeating: speed, count: n),
            throttle: Array(repeating: 1, count: n), brake: Array(repeating: 0, count: n),
            steering: Array(repeating: 0, count: n), gear: Array(repeating: 3, count: n))
    }()

    static let window: CornerWindow = {
        let turn1 = TrackMap.Corner(number: 1, entry: 30, apex: 80, exit: 120, brakePoint: 30)
        let turn2 = TrackMap.Corner(number: 2, entry: 600, apex: 690, exit: 700, brakePoint: 610)
        let turn3 = TrackMap.Corner(number: 3, entry: 705, apex: 800, exit: 850, brakePoint: nil)
        return CornerWindow(corner: turn2, previous: turn1, next: turn3, count: n)
    }()

    static func recorded(through end: Double) -> LiveLapRecorder {
        var recorder = LiveLapRecorder(template: template, tailLength: 200)
        for distance in stride(from: 0.0, through: end, by: 1) { recorder.record(sample(distance)) }
        return recorder
    }

    @Test func brakingStillUnderWayWhenMeasuredKeepsItsOnset() throws {
        // Measured where the coach measures it: 3 m past the window's end.
        #expect(Self.window.measureEnd == 705)
        let live = CornerAnalyzer.read(Self.recorded(through: 708.5).window, in: Self.window)
        let onset = try #require(live.brakePoint, "the approach braking from 610 m was lost")
        #expect(abs(onset - 609.08) < 0.01)
        // It has no release yet: nothing past the car is invented (no early or abrupt release).
        #expect(live.brakeRelease == nil && live.releaseLength == nil)
        // Read again once the car is off the brake, the same braking with its real release.
        let later = CornerAnalyzer.read(Self.recorded(through: 760).window, in: Self.window)
        #expect(later.brakePoint == live.brakePoint && later.brakeRelease == 719)
    }
}
