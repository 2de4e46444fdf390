import Foundation

extension FakeWorld {
    /// A scripted member's licence in one category: iRating (nil: left out, as iRacing does for
    /// a category never raced), class (`group_id`, 1 Rookie .. 6 Pro) and safety rating.
    struct ScriptedLicence: Sendable {
        var category: String
        var iRating: Int?
        var groupID: Int
        var safetyRating: Double

        init(_ category: String, iRating: Int?, groupID: Int = 4, safetyRating: Double = 3.0) {
            self.category = category
            self.iRating = iRating
            self.groupID = groupID
            self.safetyRating = safetyRating
        }
    }

    /// A member of `member/get?include_licenses=true`.
    struct LicensedMember: Sendable {
        var memberID: Int
        var displayName: String
        var licences: [ScriptedLicence]
    }

    /// The body of `member/get`: the real member with licences as the template of each
    /// requested member the world knows (unknown ids give no entry, as iRacing does). With no
    /// scripted members it is the real list as captured. Without `include_licenses` the rows
    /// carry no `licenses`.
    func members(ids: [Int], includeLicences: Bool) throws -> [String: Any] {
        guard var real = try fixtures.body("iracingdataapi/member_with_licenses.json") as? [String: Any],
            let template = (real["members"] as? [[String: Any]])?.first,
            let licenceTemplate = (template["licenses"] as? [[String: Any]])?.first
        else { throw FixtureError("member with licences fixture") }
        var rows: [[String: Any]] = []
        if licensedMembers.isEmpty {
            rows = (real["members"] as? [[String: Any]] ?? []).filter { ids.contains($0["cust_id"] as? Int ?? 0) }
        } else {
            for id in ids {
                guard let member = licensedMembers[id] else { continue }
                var row = template
                row["cust_id"] = member.memberID
                row["display_name"] = member.displayName
                row["licenses"] = member.licences.enumerated().map { index, licence -> [String: Any] in
                    var entry = licenceTemplate
                    entry["category"] = licence.category
                    entry["group_id"] = licence.groupID
                    entry["safety_rating"] = licence.safetyRating
                    entry["seq"] = index + 1
                    if let iRating = licence.iRating { entry["irating"] = iRating } else { entry["irating"] = nil }
                    return entry
                }
                rows.append(row)
            }
        }
        if !includeLicences { rows = rows.map { var row = $0; row["licenses"] = nil; return row } }
        real["members"] = rows
        real["cust_ids"] = ids
        return real
    }
}
