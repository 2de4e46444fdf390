import Testing

@testable import Coaching

/// The spread's window and its fewest laps, at their edges.
@Suite struct ConsistencyTrackerTests {
    private func reading(_ brake: Double?, _ speed: Double) -> CornerMetrics {
        CornerMetrics(
            corner: 4, name: nil, startDistance: 0, apexDistance: 100, endDistance: 200, brakePoint: nil, peakBrake: nil,
            minimumSpeed: 80, throttlePickup: nil, apexGear: 3, coastingDistance: 0,
            versusReference: CueNumbers(brakePointDelta: brake, minimumSpeedDelta: speed))
    }

    @Test func theSpreadNeedsTheFewestLapsAndLeavesOutTheOneOff() {
        var tracker = ConsistencyTracker(configuration: CueConfiguration())
        for value in [0.0, -12, 10] { tracker.record(reading(value, value / 2)) }
        #expect(tracker.spread(corner: 4) == .init(brakePoint: nil, apexSpeed: nil), "3 laps are fewer than 4")
        tracker.record(reading(-30, 0))
        // 0, -12, 10, -30: the median is 0 (upper middle), -30 is left out.
        #expect(tracker.spread(corner: 4).brakePoint == 22)
        #expect(tracker.spread(corner: 5) == .init(brakePoint: nil, apexSpeed: nil))
    }

    @Test func onlyTheLastLapsCount() {
        var configuration = CueConfiguration()
        configuration.consistencyLaps = 5
        var tracker = ConsistencyTracker(configuration: configuration)
        for value in [-20.0, 20, -20, 20, 0] { tracker.record(reading(value, 0)) }
        #expect(tracker.spread(corner: 4).brakePoint == 40)
        for _ in 0..<3 { tracker.record(reading(1, 0)) }
        // The window is 20, 0, 1, 1, 1 now: 20 is the one-off.
        #expect(tracker.spread(corner: 4).brakePoint == 1)
        #expect(tracker.spread(corner: 4).apexSpeed == 0)
        // A lap without a brake point adds an apex speed only.
        tracker.record(reading(nil, 7))
        #expect(tracker.spread(corner: 4).apexSpeed == 0, "0, 0, 0, 0, 7: 7 is the one-off")
    }
}
