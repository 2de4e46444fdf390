/// What a sync finds for each claim: the holder's linked iRacing member is looked up in the
/// roster, and the roster's number is compared with the claimed one as text (so "07" in iRacing
/// is a different number from a claimed "7").
public enum LeagueRosterComparison {
    /// One claim's result.
    public struct Check: Sendable, Equatable {
        public var number: CarNumber
        public var userID: String
        public var state: LeagueSyncState
        /// The roster's number for the holder, when `state` is `different`.
        public var iracingNumber: String?
    }

    public static func check(claims: [LeagueClaim], links: [LeagueLink], roster: [LeagueRosterRow]) -> [Check] {
        let memberOfUser = Dictionary(links.map { ($0.userID, $0.memberID) }, uniquingKeysWith: { first, _ in first })
        let rosterByMember = Dictionary(roster.map { ($0.memberID, $0) }, uniquingKeysWith: { first, _ in first })
        return claims.map { claim in
            guard let member = memberOfUser[claim.userID] else {
                return Check(number: claim.number, userID: claim.userID, state: .unlinked)
            }
            guard let entry = rosterByMember[member], let number = entry.carNumber, !number.isEmpty else {
                return Check(number: claim.number, userID: claim.userID, state: .missing)
            }
            return number == claim.number.text
                ? Check(number: claim.number, userID: claim.userID, state: .synced)
                : Check(number: claim.number, userID: claim.userID, state: .different, iracingNumber: number)
        }
    }

    /// The text stored in `league_claims.announced` once a difference has been posted: a claim
    /// whose difference is unchanged is not posted again.
    public static func signature(state: LeagueSyncState, iracingNumber: String?) -> String? {
        switch state {
        case .missing: "missing"
        case .different: "different:\(iracingNumber ?? "")"
        case .unchecked, .synced, .unlinked: nil
        }
    }
}
