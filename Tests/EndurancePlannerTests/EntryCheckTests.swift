import EndurancePlanner
import Testing

@Suite struct EntryCheckTests {
    let licences: [LicenceCategory: MemberLicence] = [
        .sportsCar: MemberLicence(licenceClass: .b, safetyRating: 3.37, iRating: 6_260),
        .dirtOval: MemberLicence(licenceClass: .rookie, safetyRating: 2.5, iRating: nil),
    ]

    @Test func eachLimitRefusesWithItsOwnReason() {
        #expect(EntryCheck.refusal(licences, category: .sportsCar, limits: EntryLimits()) == nil)
        #expect(EntryCheck.refusal(licences, category: .sportsCar, limits: EntryLimits(minIRating: 6_260)) == nil)
        #expect(EntryCheck.refusal(licences, category: .sportsCar, limits: EntryLimits(minIRating: 6_261)) == .iRatingTooLow(have: 6_260, need: 6_261))
        #expect(EntryCheck.refusal(licences, category: .sportsCar, limits: EntryLimits(maxIRating: 6_000)) == .iRatingTooHigh(have: 6_260, limit: 6_000))
        #expect(EntryCheck.refusal(licences, category: .sportsCar, limits: EntryLimits(minLicence: .a)) == .licenceTooLow(have: .b, need: .a))
        #expect(EntryCheck.refusal(licences, category: .sportsCar, limits: EntryLimits(minSafetyRating: 3.5)) == .safetyRatingTooLow(have: 3.37, need: 3.5))
        #expect(EntryCheck.refusal(licences, category: .formulaCar, limits: EntryLimits(minLicence: .d)) == .noLicence(.formulaCar))
        #expect(EntryCheck.refusal(licences, category: .dirtOval, limits: EntryLimits(minIRating: 1)) == .iRatingUnknown(.dirtOval))
        #expect(EntryCheck.refusal(licences, category: .dirtOval, limits: EntryLimits(minLicence: .rookie)) == nil)
    }
}
