import Foundation

/// Who a new version of a plan changes things for: a republished plan DMs only them, so a
/// driver whose stints, spotting turns and captaincies are the same hears nothing new.
public enum PlanChanges {
    /// One person's part in a plan: what they drive, spot and captain.
    public struct Part: Sendable, Hashable {
        public var driving: Set<String> = []
        public var spotting: Set<String> = []
        public var captaining: Set<String> = []
    }

    /// Everyone's part, keyed by driver.
    public static func parts(of plan: StintPlan) -> [DriverID: Part] {
        var parts: [DriverID: Part] = [:]
        for (car, stint) in plan.allStints {
            let slot = "\(car)#\(stint.number)@\(Int(stint.time.start.timeIntervalSince1970))+\(stint.time.minutes)"
            parts[stint.driver, default: Part()].driving.insert(slot)
            if let spotter = stint.spotter { parts[spotter, default: Part()].spotting.insert(slot) }
        }
        for car in plan.cars { if let captain = car.captain { parts[captain, default: Part()].captaining.insert(car.carID) } }
        return parts
    }

    /// The drivers among `candidates` whose part differs between `old` and `new` (nil `old`:
    /// the first version, which concerns everyone).
    public static func changed(from old: StintPlan?, to new: StintPlan, among candidates: [DriverID]) -> [DriverID] {
        guard let old else { return candidates }
        let before = parts(of: old)
        let after = parts(of: new)
        return candidates.filter { (before[$0] ?? Part()) != (after[$0] ?? Part()) }
    }
}
