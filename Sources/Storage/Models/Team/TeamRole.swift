/// A member's place in a team (a Discord guild), from the Discord roles the team's admins
/// mapped (`/team roles`). Ordered: an owner may do all an admin may, and so on.
public enum TeamRole: String, Sendable, Hashable, CaseIterable, Comparable {
    case guest, member, admin, owner

    private var rank: Int {
        switch self {
        case .guest: 0
        case .member: 1
        case .admin: 2
        case .owner: 3
        }
    }

    public static func < (lhs: TeamRole, rhs: TeamRole) -> Bool { lhs.rank < rhs.rank }
}
