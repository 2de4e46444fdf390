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
}
