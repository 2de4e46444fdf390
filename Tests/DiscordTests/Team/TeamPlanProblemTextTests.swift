import EndurancePlanner
import Foundation
import Storage
import Testing

@testable import Discord

/// Every `PlanProblem` said through the team tables: each one fills all its placeholders in
/// both languages and reads differently in Turkish; names come escaped, members as mentions,
/// times in the reader's zone and language.
@Suite struct TeamPlanProblemTextTests {
    static let start = Date(timeIntervalSince1970: 1_907_755_200)  // 2030-06-15 12:00 UTC
    static let hour = TimeRange(start: start, minutes: 60)
    static let ana = PlanPerson(id: "80351110224678912", name: "Ana")

    /// One of each case, with values a reader could check.
    static let every: [PlanProblem] = [
        .noCars, .nonPositiveLengths, .duplicateCarIDs,
        .unknownCrewMember(car: "Car 1", member: ana.id), .unknownCaptain(car: "Car 1", captain: ana.id),
        .stintCountDiffers(car: "Car 1", expected: 3),
        .nobodyEligible(car: "Car 1", refusals: []),
        .nobodyEligible(car: "Car 1", refusals: [PlanRefusal(driver: ana, refusal: .iRatingTooLow(have: 1_500, need: 2_000))]),
        .mayNotDrive(ana, car: "Car 1", refusal: .noLicence(.sportsCar)), .notSignedUp(ana.id, car: "Car 1", stint: 2),
        .notInCrew(ana, car: "Car 1"),
        .nobodyFree(car: "Car 1", stint: 1, time: hour), .tooFewFreeMinutes(needed: 180, free: 120),
        .tooFewDriversAtOnce(stint: 1, time: hour, needed: 2, free: 1), .noCovering, .notFree(ana, car: "Car 1", stint: 1, time: hour),
        .twoCarsAtOnce(ana, time: hour),
        .tooFewCappedMinutes(needed: 180, maximum: 60, capped: 120), .restBlocks(rest: 120), .maximumBlocks(maximum: 240),
        .restOrMaximumBlocks(rest: 120, maximum: 240), .restAndMaximumBlock(rest: 120, maximum: 240),
        .drivesTooLong(ana, minutes: 300, maximum: 240), .restTooShort(ana, minutes: 30, before: hour, minimum: 120),
        .nobodyToSpot(car: "Car 1", stint: 1, time: hour), .noSpotter(car: "Car 1", stint: 1),
        .spotterNotFree(ana, car: "Car 1", stint: 1), .spotterBusy(ana, car: "Car 1", stint: 1),
    ]

    static func text(_ language: GuildLanguage, zone: String = "UTC") -> PlanProblemText {
        PlanProblemText(strings: TeamStrings(language: language), times: TeamTimeFormat(zoneName: zone, language: language))
    }

    @Test func everyProblemIsSaidInBothLanguagesWithEveryValueFilled() {
        let english = Self.text(.english), turkish = Self.text(.turkish)
        for problem in Self.every {
            let (en, tr) = (english.problem(problem), turkish.problem(problem))
            #expect(!en.contains("{") && !tr.contains("{"), "\(problem): \(en) / \(tr)")
            #expect(en != tr, "\(problem) is not translated")
            // The English sentence for the log is not what a Turkish reader gets.
            #expect(tr != problem.description, "\(problem)")
        }
    }

    @Test func valuesAreWordedForTheReader() {
        let turkish = Self.text(.turkish, zone: "Europe/Istanbul")
        let refusal = PlanRefusal(driver: Self.ana, refusal: .iRatingTooLow(have: 1_500, need: 2_000))
        #expect(turkish.problem(.nobodyEligible(car: "GT3", refusals: [refusal]))
            == "GT3 aracının hiçbir pilotu katılım sınırlarını karşılamıyor (<@80351110224678912>: iRating değeri 1500, en az 2000 olmalı)")
        #expect(Self.text(.english).problem(.restTooShort(Self.ana, minutes: 30, before: Self.hour, minimum: 120))
            == "<@80351110224678912> rests 30 minutes before Sat 15 Jun 12:00–13:00 (at least 120)")
        // Istanbul is UTC+3: the stint's hour in the reader's zone, the Turkish way.
        let istanbul = turkish.problem(.nobodyFree(car: "Car 1", stint: 1, time: Self.hour))
        #expect(istanbul.contains("15:00–16:00") && istanbul.contains("15 Haz"), "\(istanbul)")
        // A car name is the admin's text: markdown escaped, never formatting.
        #expect(Self.text(.english).problem(.noSpotter(car: "**Big** `car`", stint: 2)) == "\\*\\*Big\\*\\* \\`car\\` stint 2 has no spotter")
    }

    @Test func aSearchThatRanOutSaysSoInTheReadersLanguage() {
        let failure = PlanningFailure(.noCovering, searchStoppedAfter: 200_000)
        #expect(Self.text(.turkish).failure(failure)
            == "müsait pilotların hiçbir dağılımı bütün stintleri karşılamıyor (arama 200000 seçimden sonra durdu)")
        #expect(failure.detail == "no assignment of the free drivers covers every stint (the search stopped after 200000 choices)")
        #expect(failure.constraint == .availability)
    }
}
