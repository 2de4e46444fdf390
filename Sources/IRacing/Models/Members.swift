import Foundation

/// `member/info`: the authenticated member.
public struct MemberInfo: Decodable, Sendable {
    public var custId: Int
    public var displayName: String?
    public var firstName: String?
    public var lastName: String?
    public var clubName: String?
}

/// `member/get`: unknown ids simply give no entry.
public struct MemberList: Decodable, Sendable {
    public var success: Bool?
    public var custIds: [Int]?
    public var members: [Member]
}

public struct Member: Decodable, Sendable, Hashable {
    public var custId: Int
    public var displayName: String?
    public var lastLogin: Date?
    public var memberSince: String?
    public var flairName: String?
    /// Present with `include_licenses=true`.
    public var licenses: [MemberLicense]?
}

/// One licence of a member (`member/get?include_licenses=true`). `irating` is left out for a
/// category the member never raced.
public struct MemberLicense: Decodable, Sendable, Hashable {
    /// "oval", "sports_car", "formula_car", "dirt_oval", "dirt_road" (and "road" before 2024).
    public var category: String
    /// 1 Rookie, 2 D, 3 C, 4 B, 5 A, 6 Pro.
    public var groupId: Int
    public var safetyRating: Double
    public var irating: Int?
}
