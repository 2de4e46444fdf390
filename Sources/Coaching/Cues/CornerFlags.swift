/// A set of a coach's corners, one flag per corner plan, checked on every frame.
///
/// A plan's slot is the index of the first plan with its corner number, so plans that share a
/// number (a hand-made map may repeat one) share a flag, as they would in a set of numbers.
/// Flags are a plain array: a lookup is an index, not a hash, and clearing them for a new lap
/// writes in place instead of allocating.
struct CornerFlags: Sendable, Equatable {
    private var flags: [Bool]

    init(count: Int, allSet: Bool = false) {
        flags = Array(repeating: allSet, count: count)
    }

    func contains(_ slot: Int) -> Bool { flags[slot] }

    mutating func insert(_ slot: Int) { flags[slot] = true }

    mutating func remove(_ slot: Int) { flags[slot] = false }

    /// Sets or clears every flag in place.
    mutating func setAll(_ value: Bool) {
        for slot in flags.indices { flags[slot] = value }
    }

    /// The slot of each plan: the index of the first plan with the same corner number.
    static func slots(of plans: [CornerPlan]) -> [Int] {
        var first: [Int: Int] = [:]
        return plans.indices.map { index in
            let number = plans[index].corner.number
            if let slot = first[number] { return slot }
            first[number] = index
            return index
        }
    }
}
