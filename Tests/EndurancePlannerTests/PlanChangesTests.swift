import EndurancePlanner
import Foundation
import Testing

/// Who a republished plan concerns: a driver whose stints, spotting turns and captaincies are
/// the same in both versions is left out; a first version concerns everyone.
@Suite struct PlanChangesTests {
    static let start = Date(timeIntervalSince1970: 1_797_076_800)

    private func plan(_ drivers: [String], spotters: [String?] = [], captain: String? = nil) -> StintPlan {
        let stints = drivers.enumerated().map { index, driver in
            PlannedStint(
                number: index + 1, time: TimeRange(start: Self.start.addingTimeInterval(Double(index) * 3_600), minutes: 60),
                driver: DriverID(driver), spotter: (index < spotters.count ? spotters[index] : nil).map { DriverID($0) })
        }
        return StintPlan(cars: [CarPlan(carID: "car1", captain: captain.map { DriverID($0) }, stints: stints)])
    }

    private let everyone = ["a", "b", "c", "d"].map { DriverID($0) }

    @Test func onlyDriversWhosePartChangedAreNamed() {
        let old = plan(["a", "b", "c"], spotters: ["d", nil, nil], captain: "a")
        #expect(PlanChanges.changed(from: nil, to: old, among: everyone) == everyone)
        #expect(PlanChanges.changed(from: old, to: old, among: everyone).isEmpty)
        // b takes c's stint: b and c change, a and d do not.
        #expect(PlanChanges.changed(from: old, to: plan(["a", "b", "b"], spotters: ["d"], captain: "a"), among: everyone) == ["b", "c"].map { DriverID($0) })
        // Only the spotter and the captain move.
        #expect(PlanChanges.changed(from: old, to: plan(["a", "b", "c"], spotters: ["c"], captain: "b"), among: everyone)
            == ["a", "b", "c", "d"].map { DriverID($0) })
    }

    @Test func aStintMovedInTimeIsAChangeForItsDriver() {
        let old = plan(["a", "b"])
        var moved = old
        moved.cars[0].stints[1].time = TimeRange(start: Self.start.addingTimeInterval(5_400), minutes: 30)
        #expect(PlanChanges.changed(from: old, to: moved, among: everyone) == [DriverID("b")])
    }
}
