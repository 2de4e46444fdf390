import EndurancePlanner
import IRacing
import Integration

/// Members' licences through the same `IRacingClient` (rate-limit budget, token) as the poller.
extension IRacingClient: MemberLicenceSource {
    public func licences(memberID: Int) async throws -> MemberLicences {
        let members: [Member]
        do { members = try await membersWithLicenses([memberID]) } catch { throw MemberLicencesUnavailable(code: error.code) }
        guard let member = members.first(where: { $0.custId == memberID }) else {
            throw MemberLicencesUnavailable(code: "member_not_found")
        }
        return MemberLicences(
            memberID: memberID, displayName: member.displayName ?? "iRacing \(memberID)", licences: Self.licences(member.licenses ?? []))
    }

    /// The planner's licences from iRacing's rows; a category or class this build does not know
    /// is left out rather than guessed.
    static func licences(_ rows: [MemberLicense]) -> [LicenceCategory: MemberLicence] {
        var result: [LicenceCategory: MemberLicence] = [:]
        for row in rows {
            guard let category = LicenceCategory(rawValue: row.category), let licenceClass = LicenceClass(rawValue: row.groupId),
                row.safetyRating.isFinite
            else { continue }
            result[category] = MemberLicence(licenceClass: licenceClass, safetyRating: row.safetyRating, iRating: row.irating)
        }
        return result
    }
}
