/// iRacing's licence categories, named as the `/data` API names them (`category`).
public enum LicenceCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case oval
    case road
    case dirtOval = "dirt_oval"
    case dirtRoad = "dirt_road"
    case sportsCar = "sports_car"
    case formulaCar = "formula_car"
}

/// iRacing's licence classes in order, from the `/data` API's `group_id` (1 Rookie .. 5 A, 6 Pro).
public enum LicenceClass: Int, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case rookie = 1, d, c, b, a, pro

    public static func < (lhs: LicenceClass, rhs: LicenceClass) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The letter iRacing shows ("R", "D" .. "A", "P").
    public var letter: String {
        switch self {
        case .rookie: "R"
        case .d: "D"
        case .c: "C"
        case .b: "B"
        case .a: "A"
        case .pro: "P"
        }
    }
}

/// One licence of a member, as the `/data` API's `member/get?include_licenses=true` gives it.
/// `iRating` is nil where the API leaves it out (a category never raced).
public struct MemberLicence: Sendable, Hashable, Codable {
    public var licenceClass: LicenceClass
    public var safetyRating: Double
    public var iRating: Int?

    public init(licenceClass: LicenceClass, safetyRating: Double, iRating: Int?) {
        self.licenceClass = licenceClass
        self.safetyRating = safetyRating
        self.iRating = iRating
    }
}
