import EndurancePlanner
import Foundation

/// Why a plan cannot be made, or an edit is refused, in the reader's language and time zone:
/// the planner's `PlanProblem` values put into the team string tables (members as mentions,
/// names escaped), so a Turkish admin reads no English sentence.
struct PlanProblemText: Sendable {
    let strings: TeamStrings
    let times: TeamTimeFormat

    /// The planner's failure, with the note when the search ran out of choices.
    func failure(_ failure: PlanningFailure) -> String {
        let sentence = problem(failure.problem)
        guard let budget = failure.searchStoppedAfter else { return sentence }
        return sentence + " " + strings(.problemSearchStopped, ["count": String(budget)])
    }

    /// The constraint's name.
    func constraint(_ constraint: PlanningConstraint) -> String {
        switch constraint {
        case .eventSetup: strings(.constraintEventSetup)
        case .entryLimits: strings(.constraintEntryLimits)
        case .availability: strings(.constraintAvailability)
        case .maximumDriving: strings(.constraintMaximumDriving)
        case .minimumRest: strings(.constraintMinimumRest)
        case .spotter: strings(.constraintSpotter)
        }
    }

    func problem(_ problem: PlanProblem) -> String {
        switch problem {
        case .noCars: strings(.problemNoCars)
        case .nonPositiveLengths: strings(.problemLengths)
        case .duplicateCarIDs: strings(.problemDuplicateCars)
        case .unknownCrewMember(let car, let member): strings(.problemUnknownCrew, ["car": name(car), "driver": user(member)])
        case .unknownCaptain(let car, let captain): strings(.problemUnknownCaptain, ["car": name(car), "driver": user(captain)])
        case .stintCountDiffers(let car, let expected): strings(.problemStintCount, ["car": name(car), "count": String(expected)])
        case .nobodyEligible(let car, let refusals): strings(.problemNobodyEligible, ["car": name(car), "why": list(refusals)])
        case .mayNotDrive(let person, let car, let refusal):
            strings(.problemMayNotDrive, ["driver": user(person.id), "car": name(car), "reason": Self.reason(refusal, strings, yours: false)])
        case .notSignedUp(let driver, let car, let stint): strings(.problemNotSignedUp, ["driver": user(driver), "car": name(car), "stint": String(stint)])
        case .notInCrew(let person, let car): strings(.problemNotInCrew, ["driver": user(person.id), "car": name(car)])
        case .nobodyFree(let car, let stint, let time):
            strings(.problemNobodyFree, ["car": name(car), "stint": String(stint), "from": from(time), "to": to(time)])
        case .tooFewFreeMinutes(let needed, let free): strings(.problemFreeMinutes, ["needed": String(needed), "free": String(free)])
        case .tooFewDriversAtOnce(let stint, let time, let needed, let free):
            strings(.problemDriversAtOnce, [
                "stint": String(stint), "from": from(time), "to": to(time), "needed": String(needed), "free": String(free),
            ])
        case .noCovering: strings(.problemNoCovering)
        case .notFree(let person, let car, let stint, let time):
            strings(.problemNotFree, ["driver": user(person.id), "car": name(car), "stint": String(stint), "from": from(time), "to": to(time)])
        case .twoCarsAtOnce(let person, let time): strings(.problemTwoCars, ["driver": user(person.id), "from": from(time), "to": to(time)])
        case .tooFewCappedMinutes(let needed, let maximum, let capped):
            strings(.problemCappedMinutes, ["needed": String(needed), "maximum": String(maximum), "capped": String(capped)])
        case .restBlocks(let rest): strings(.problemRest, ["rest": String(rest)])
        case .maximumBlocks(let maximum): strings(.problemMaximum, ["maximum": String(maximum)])
        case .restOrMaximumBlocks(let rest, let maximum): strings(.problemRestOrMaximum, ["rest": String(rest), "maximum": String(maximum)])
        case .restAndMaximumBlock(let rest, let maximum): strings(.problemRestAndMaximum, ["rest": String(rest), "maximum": String(maximum)])
        case .drivesTooLong(let person, let minutes, let maximum):
            strings(.problemDrivesTooLong, ["driver": user(person.id), "minutes": String(minutes), "maximum": String(maximum)])
        case .restTooShort(let person, let minutes, let before, let minimum):
            strings(.problemShortRest, [
                "driver": user(person.id), "minutes": String(minutes), "from": from(before), "to": to(before), "minimum": String(minimum),
            ])
        case .nobodyToSpot(let car, let stint, let time):
            strings(.problemNobodyToSpot, ["car": name(car), "stint": String(stint), "from": from(time), "to": to(time)])
        case .noSpotter(let car, let stint): strings(.problemNoSpotter, ["car": name(car), "stint": String(stint)])
        case .spotterNotFree(let person, let car, let stint):
            strings(.problemSpotterNotFree, ["driver": user(person.id), "car": name(car), "stint": String(stint)])
        case .spotterBusy(let person, let car, let stint):
            strings(.problemSpotterBusy, ["driver": user(person.id), "car": name(car), "stint": String(stint)])
        }
    }

    /// The entry check's refusal in the reader's words: to the member themself at sign-up
    /// (`yours`), about a member in the planner's and the checker's sentences.
    static func reason(_ refusal: EntryCheck.Refusal, _ strings: TeamStrings, yours: Bool) -> String {
        switch refusal {
        case .noLicence(let category): strings(yours ? .refusalNoLicence : .entryNoLicence, ["category": category.rawValue])
        case .iRatingUnknown(let category): strings(yours ? .refusalIRatingUnknown : .entryIRatingUnknown, ["category": category.rawValue])
        case .iRatingTooLow(let have, let need): strings(yours ? .refusalIRatingLow : .entryIRatingLow, ["have": String(have), "need": String(need)])
        case .iRatingTooHigh(let have, let limit):
            strings(yours ? .refusalIRatingHigh : .entryIRatingHigh, ["have": String(have), "limit": String(limit)])
        case .licenceTooLow(let have, let need): strings(yours ? .refusalLicenceLow : .entryLicenceLow, ["have": have.letter, "need": need.letter])
        case .safetyRatingTooLow(let have, let need):
            strings(yours ? .refusalSafetyLow : .entrySafetyLow, ["have": String(format: "%.2f", have), "need": String(format: "%.2f", need)])
        }
    }

    /// Each refused member with the limit they miss, or that the crew is empty.
    private func list(_ refusals: [PlanRefusal]) -> String {
        guard !refusals.isEmpty else { return strings(.problemCrewEmpty) }
        return refusals.map { "\(user($0.driver.id)): \(Self.reason($0.refusal, strings, yours: false))" }.joined(separator: "; ")
    }

    private func name(_ car: String) -> String { LeagueFormat.name(car) }
    private func user(_ id: DriverID) -> String { LeagueFormat.user(id.rawValue) }
    private func from(_ time: TimeRange) -> String { times.dateTime(time.start) }
    private func to(_ time: TimeRange) -> String { times.end(time.end, after: time.start) }
}
