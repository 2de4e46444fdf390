/// Whether a driver meets an event's limits in a car's category, with the reason when not.
/// Sign-up and the planner use this one check, so a refused sign-up and an unplanned driver
/// give the same reason.
public enum EntryCheck {
    public enum Refusal: Sendable, Hashable, Codable, CustomStringConvertible {
        case noLicence(LicenceCategory)
        case iRatingUnknown(LicenceCategory)
        case iRatingTooLow(have: Int, need: Int)
        case iRatingTooHigh(have: Int, limit: Int)
        case licenceTooLow(have: LicenceClass, need: LicenceClass)
        case safetyRatingTooLow(have: Double, need: Double)

        public var description: String {
            switch self {
            case .noLicence(let category): "no \(category.rawValue) licence"
            case .iRatingUnknown(let category): "no \(category.rawValue) iRating yet"
            case .iRatingTooLow(let have, let need): "iRating \(have) is below the minimum \(need)"
            case .iRatingTooHigh(let have, let limit): "iRating \(have) is above the maximum \(limit)"
            case .licenceTooLow(let have, let need): "licence \(have.letter) is below \(need.letter)"
            case .safetyRatingTooLow(let have, let need): "safety rating \(have) is below \(need)"
            }
        }
    }

    /// The first limit the driver misses in `category`, or nil when they meet them all.
    public static func refusal(_ licences: [LicenceCategory: MemberLicence], category: LicenceCategory, limits: EntryLimits) -> Refusal? {
        let needsLicence = limits.minIRating != nil || limits.maxIRating != nil || limits.minLicence != nil || limits.minSafetyRating != nil
        guard needsLicence else { return nil }
        guard let licence = licences[category] else { return .noLicence(category) }
        if limits.minIRating != nil || limits.maxIRating != nil {
            guard let iRating = licence.iRating else { return .iRatingUnknown(category) }
            if let need = limits.minIRating, iRating < need { return .iRatingTooLow(have: iRating, need: need) }
            if let limit = limits.maxIRating, iRating > limit { return .iRatingTooHigh(have: iRating, limit: limit) }
        }
        if let need = limits.minLicence, licence.licenceClass < need {
            return .licenceTooLow(have: licence.licenceClass, need: need)
        }
        if let need = limits.minSafetyRating, licence.safetyRating < need {
            return .safetyRatingTooLow(have: licence.safetyRating, need: need)
        }
        return nil
    }
}
