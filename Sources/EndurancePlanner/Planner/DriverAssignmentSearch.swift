import Foundation

/// The depth-first search that gives every stint a driver.
///
/// Stints are taken in the order they start. At each one the candidates are tried in this
/// order: a driver who prefers that hour, then the one who has driven least so far (so the
/// driving is shared), then the one with the fewest stints they could drive at all (so a
/// driver with one free evening gets it before a driver free all weekend takes it). After each
/// choice the stints inside the rest window are checked to still have someone; a dead end goes
/// back one choice. The search stops after `budget` choices.
struct DriverAssignmentSearch {
    enum Outcome: Equatable {
        case found([Int])
        case exhausted
        case budgetSpent
    }

    let slots: [StintSlot]
    /// For each slot, the drivers (indices) who may drive that car and are free for the whole stint.
    let candidates: [[Int]]
    let preferred: [[Bool]]
    let maxDrivingMinutes: Int?
    let minRestMinutes: Int
    private let scarcity: [Int]
    private var budget: Int
    private var choice: [Int]
    private var drivingMinutes: [Int]
    private var stintsOf: [[TimeRange]]

    init(slots: [StintSlot], candidates: [[Int]], preferred: [[Bool]], driverCount: Int,
         maxDrivingMinutes: Int?, minRestMinutes: Int, budget: Int) {
        self.slots = slots
        self.candidates = candidates
        self.preferred = preferred
        self.maxDrivingMinutes = maxDrivingMinutes
        self.minRestMinutes = minRestMinutes
        self.budget = budget
        var scarcity = [Int](repeating: 0, count: driverCount)
        for list in candidates { for driver in list { scarcity[driver] += 1 } }
        self.scarcity = scarcity
        choice = [Int](repeating: -1, count: slots.count)
        drivingMinutes = [Int](repeating: 0, count: driverCount)
        stintsOf = [[TimeRange]](repeating: [], count: driverCount)
    }

    mutating func run() -> Outcome {
        switch fill(from: 0) {
        case .some(true): .found(choice)
        case .some(false): .exhausted
        case .none: .budgetSpent
        }
    }

    /// true: filled to the end; false: no way from here; nil: out of budget.
    private mutating func fill(from index: Int) -> Bool? {
        if index == slots.count { return true }
        let slot = slots[index]
        let ordered = candidates[index].enumerated()
            .filter { canDrive($0.element, slot.time) }
            .sorted { lhs, rhs in
                let l = (preferred[index][lhs.offset] ? 0 : 1, drivingMinutes[lhs.element], scarcity[lhs.element], lhs.element)
                let r = (preferred[index][rhs.offset] ? 0 : 1, drivingMinutes[rhs.element], scarcity[rhs.element], rhs.element)
                return l < r
            }
            .map(\.element)
        for driver in ordered {
            if budget <= 0 { return nil }
            budget -= 1
            assign(driver, to: index)
            if stintsAheadStillFillable(after: index) {
                switch fill(from: index + 1) {
                case .some(true): return true
                case .none: return nil
                case .some(false): break
                }
            }
            unassign(driver, from: index)
        }
        return false
    }

    private func canDrive(_ driver: Int, _ time: TimeRange) -> Bool {
        if let limit = maxDrivingMinutes, drivingMinutes[driver] + time.minutes > limit { return false }
        let rest = Double(minRestMinutes * 60)
        for other in stintsOf[driver] {
            if other.overlaps(time) { return false }
            let gap = other.end <= time.start ? time.start.timeIntervalSince(other.end) : other.start.timeIntervalSince(time.end)
            if gap < rest { return false }
        }
        return true
    }

    /// Forward check: every stint that starts before this one's rest window ends still has a driver.
    private func stintsAheadStillFillable(after index: Int) -> Bool {
        let horizon = slots[index].time.end.addingTimeInterval(Double(minRestMinutes * 60))
        var next = index + 1
        while next < slots.count, slots[next].time.start < horizon {
            let time = slots[next].time
            if !candidates[next].contains(where: { canDrive($0, time) }) { return false }
            next += 1
        }
        return true
    }

    private mutating func assign(_ driver: Int, to index: Int) {
        choice[index] = driver
        drivingMinutes[driver] += slots[index].time.minutes
        stintsOf[driver].append(slots[index].time)
    }

    private mutating func unassign(_ driver: Int, from index: Int) {
        choice[index] = -1
        drivingMinutes[driver] -= slots[index].time.minutes
        stintsOf[driver].removeLast()
    }
}
