import Foundation

/// A team member named in a problem: the id for a client that mentions them, the name for the
/// English sentence in logs.
public struct PlanPerson: Sendable, Hashable {
    public var id: DriverID
    public var name: String

    public init(id: DriverID, name: String) {
        self.id = id
        self.name = name
    }
}

/// A driver who misses the entry limits in a car's category, and the first limit missed.
public struct PlanRefusal: Sendable, Hashable {
    public var driver: PlanPerson
    public var refusal: EntryCheck.Refusal

    public init(driver: PlanPerson, refusal: EntryCheck.Refusal) {
        self.driver = driver
        self.refusal = refusal
    }
}

/// Exactly what a plan cannot keep, with the values a sentence about it needs (cars by name,
/// minutes, members, the limits), so each client can say it in its reader's language;
/// `description` is the English sentence, for logs. The planner's failures and the checker's
/// violations share it: an admin reads the same words for the same rule either way.
public enum PlanProblem: Sendable, Hashable, CustomStringConvertible {
    // The event itself
    case noCars
    case nonPositiveLengths
    case duplicateCarIDs
    case unknownCrewMember(car: String, member: DriverID)
    case unknownCaptain(car: String, captain: DriverID)
    case stintCountDiffers(car: String, expected: Int)
    // Who may drive
    /// No driver of the car's crew meets the limits; `refusals` is empty when the crew is.
    case nobodyEligible(car: String, refusals: [PlanRefusal])
    case mayNotDrive(PlanPerson, car: String, refusal: EntryCheck.Refusal)
    case notSignedUp(DriverID, car: String, stint: Int)
    case notInCrew(PlanPerson, car: String)
    // Marked hours
    case nobodyFree(car: String, stint: Int, time: TimeRange)
    case tooFewFreeMinutes(needed: Int, free: Int)
    case tooFewDriversAtOnce(stint: Int, time: TimeRange, needed: Int, free: Int)
    case noCovering
    case notFree(PlanPerson, car: String, stint: Int, time: TimeRange)
    case twoCarsAtOnce(PlanPerson, time: TimeRange)
    // Time in the car and rest
    case tooFewCappedMinutes(needed: Int, maximum: Int, capped: Int)
    case restBlocks(rest: Int)
    case maximumBlocks(maximum: Int)
    case restOrMaximumBlocks(rest: Int, maximum: Int)
    case restAndMaximumBlock(rest: Int, maximum: Int)
    case drivesTooLong(PlanPerson, minutes: Int, maximum: Int)
    case restTooShort(PlanPerson, minutes: Int, before: TimeRange, minimum: Int)
    // Spotters
    case nobodyToSpot(car: String, stint: Int, time: TimeRange)
    case noSpotter(car: String, stint: Int)
    case spotterNotFree(PlanPerson, car: String, stint: Int)
    case spotterBusy(PlanPerson, car: String, stint: Int)

    /// The constraint the problem breaks.
    public var constraint: PlanningConstraint {
        switch self {
        case .noCars, .nonPositiveLengths, .duplicateCarIDs, .unknownCrewMember, .unknownCaptain, .stintCountDiffers,
            .notSignedUp, .notInCrew:
            .eventSetup
        case .nobodyEligible, .mayNotDrive: .entryLimits
        case .nobodyFree, .tooFewFreeMinutes, .tooFewDriversAtOnce, .noCovering, .notFree, .twoCarsAtOnce: .availability
        case .tooFewCappedMinutes, .maximumBlocks, .drivesTooLong: .maximumDriving
        case .restBlocks, .restOrMaximumBlocks, .restAndMaximumBlock, .restTooShort: .minimumRest
        case .nobodyToSpot, .noSpotter, .spotterNotFree, .spotterBusy: .spotter
        }
    }

    public var description: String {
        switch self {
        case .noCars: "the event has no cars"
        case .nonPositiveLengths: "the race length and the stint length must be positive"
        case .duplicateCarIDs: "two cars have the same id"
        case .unknownCrewMember(let car, let member): "car \(car) lists \(member), who has not signed up"
        case .unknownCaptain(let car, let captain): "car \(car)'s captain \(captain) has not signed up"
        case .stintCountDiffers(let car, let expected): "car \(car) does not have exactly the event's \(expected) stints"
        case .nobodyEligible(let car, let refusals): "no driver of car \(car) meets the entry limits (\(Self.list(refusals)))"
        case .mayNotDrive(let person, let car, let refusal): "\(person.name) may not drive car \(car): \(refusal)"
        case .notSignedUp(let driver, let car, let stint): "\(driver) drives car \(car) stint \(stint) without having signed up"
        case .notInCrew(let person, let car): "\(person.name) is not in car \(car)'s crew"
        case .nobodyFree(let car, let stint, let time): "nobody who may drive car \(car) is free for all of stint \(stint) (\(time))"
        case .tooFewFreeMinutes(let needed, let free): "the cars need \(needed) minutes of driving; the drivers are free for \(free)"
        case .tooFewDriversAtOnce(let stint, let time, let needed, let free):
            "stint \(stint) (\(time)) needs \(needed) drivers at once; only \(free) who may drive are free"
        case .noCovering: "no assignment of the free drivers covers every stint"
        case .notFree(let person, let car, let stint, let time): "\(person.name) is not free for car \(car) stint \(stint) (\(time))"
        case .twoCarsAtOnce(let person, let time): "\(person.name) drives two cars at once (\(time))"
        case .tooFewCappedMinutes(let needed, let most, let capped):
            "the cars need \(needed) minutes of driving; with at most \(most) minutes each the drivers can give \(capped)"
        case .restBlocks(let rest): "no plan keeps \(Self.rest(rest)); one exists with less rest"
        case .maximumBlocks(let most): "no plan keeps \(Self.maximum(most)); one exists with more time per driver"
        case .restOrMaximumBlocks(let rest, let most):
            "no plan keeps both \(Self.rest(rest)) and \(Self.maximum(most)); relaxing either one allows a plan"
        case .restAndMaximumBlock(let rest, let most):
            "no plan keeps \(Self.rest(rest)) and \(Self.maximum(most)) together; relaxing both allows a plan"
        case .drivesTooLong(let person, let minutes, let most): "\(person.name) drives \(minutes) minutes (at most \(most))"
        case .restTooShort(let person, let minutes, let before, let minimum):
            "\(person.name) rests \(minutes) minutes before \(before) (at least \(minimum))"
        case .nobodyToSpot(let car, let stint, let time): "nobody is free to spot car \(car) in stint \(stint) (\(time))"
        case .noSpotter(let car, let stint): "car \(car) stint \(stint) has no spotter"
        case .spotterNotFree(let person, let car, let stint): "\(person.name) is not free to spot car \(car) stint \(stint)"
        case .spotterBusy(let person, let car, let stint): "\(person.name) spots car \(car) stint \(stint) while driving or spotting another"
        }
    }

    private static func rest(_ minutes: Int) -> String { "the minimum rest of \(minutes) minutes" }
    private static func maximum(_ minutes: Int) -> String { "the maximum of \(minutes) minutes in the car" }

    private static func list(_ refusals: [PlanRefusal]) -> String {
        guard !refusals.isEmpty else { return "its crew is empty" }
        return refusals.map { "\($0.driver.name): \($0.refusal)" }.joined(separator: "; ")
    }
}
