import Testing

@testable import Coaching

/// Issue 16, session report: best lap, theoretical best from each corner's best pass, the
/// corners costing the most, what improved, which advice worked; as data and as plain text.
@Suite struct SessionReportTests {
    /// A lap whose corners 1-3 lose `times` seconds to the reference.
    static func lap(_ number: Int32, time: Double?, _ times: [Double], valid: Bool = true) -> MeasuredLap {
        MeasuredLap(
            lapNumber: number, isValid: valid,
            corners: times.enumerated().map { index, seconds in
                CornerMetrics(
                    corner: index + 1, name: index == 0 ? "Paddock Hill" : nil, startDistance: 0, apexDistance: 100, endDistance: 200,
                    brakePoint: nil, peakBrake: nil, minimumSpeed: 80, throttlePickup: nil, apexGear: 3, coastingDistance: 0,
                    versusReference: CueNumbers(timeDelta: seconds))
            },
            lapTime: time, deltaToReference: time.map { $0 - 80 })
    }

    static let laps = [
        lap(1, time: 81.0, [0.42, 0.30, 0.05]),
        lap(2, time: 80.8, [0.35, 0.10, 0.02]),
        lap(3, time: 80.6, [0.20, 0.25, 0.00]),
        lap(4, time: 80.7, [0.15, 0.28, 0.04]),
        lap(5, time: 79.0, [0.0, 0.0, 0.0], valid: false),  // cut a corner: not a lap to learn from
        lap(6, time: nil, [0.0, 0.0, 0.0]),  // partial
    ]

    @Test func theReportComesFromTheValidLaps() throws {
        let worked = AdviceOutcome(
            cueID: 1, corner: 1, topic: .brakePoint, kind: .feedback, lapNumber: 1, before: 20, after: 2, timeBefore: 0.4,
            timeAfter: 0.2, worked: true)
        let report = SessionReport(laps: Self.laps, outcomes: [worked])
        #expect(report.validLaps == 4)
        #expect(report.bestLap?.lapNumber == 3 && report.bestLap?.lapTime == 80.6)
        // Lap 3 with turn 1 at 0.15 (lap 4) and turn 2 at 0.10 (lap 2): 0.05 + 0.15 saved.
        #expect(abs(try #require(report.theoreticalBest) - 80.4) < 1e-9)
        #expect(report.costliestCorners.map(\.corner) == [1, 2, 3])
        #expect(abs(report.costliestCorners[0].seconds - 0.28) < 1e-9 && report.costliestCorners[0].name == "Paddock Hill")
        // Turn 1: 0.385 in laps 1-2, 0.175 in laps 3-4; turn 2 got slower; turn 3 moved 0.015 s.
        #expect(report.improved.map(\.corner) == [1])
        #expect(abs(report.improved[0].seconds - 0.21) < 1e-9)
        #expect(report.advice.topics.first?.topic == "brake_point")

        #expect(report.text(language: .english) == """
            Best lap 1:20.600 (lap 3), +0.600 s to the reference.
            Theoretical best 1:20.400 from each corner's best.
            Costing the most: Paddock Hill (0.28 s), Turn 2 (0.23 s), Turn 3 (0.03 s).
            Improved: Paddock Hill (0.21 s faster).
            Advice that worked: brake point 1 of 1.
            """)
        #expect(report.text(language: .turkish).hasPrefix("En iyi tur 1:20,600 (tur 3), referansa +0,600 sn."))
        #expect(report.text(language: .turkish).contains("Paddock Hill (0,28 sn)"), "Turkish decimals in every number")
    }

    @Test func aSessionWithoutAValidLapSaysSo() {
        let report = SessionReport(laps: [Self.lap(1, time: nil, [0.1])], outcomes: [])
        #expect(report.bestLap == nil && report.theoreticalBest == nil && report.costliestCorners.isEmpty)
        #expect(report.text(language: .english) == "No valid lap in this session.")
    }
}
