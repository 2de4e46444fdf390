import EndurancePlanner

/// An iRacing member's licences, for the team tools' sign-up check. The iRacing client is the
/// real one (adapted in ResultsPoller, where iRacing meets these types), so the bot never
/// depends on the API client.
public protocol MemberLicenceSource: Sendable {
    /// The member's name and licences per category.
    /// - Throws: `MemberLicencesUnavailable` with a stable code (`member_not_found` for an id
    ///   iRacing does not know, else the client's code: `rate_limited`, `circuit_open`...).
    func licences(memberID: Int) async throws -> MemberLicences
}

public struct MemberLicences: Sendable, Hashable {
    public var memberID: Int
    public var displayName: String
    public var licences: [LicenceCategory: MemberLicence]

    public init(memberID: Int, displayName: String, licences: [LicenceCategory: MemberLicence]) {
        self.memberID = memberID
        self.displayName = displayName
        self.licences = licences
    }
}

public struct MemberLicencesUnavailable: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String

    public init(code: String) { self.code = code }

    public var description: String { "member licences unavailable: \(code)" }
}
