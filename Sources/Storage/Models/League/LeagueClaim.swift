import Foundation

/// A number held in a guild, with what the last sync found for it.
public struct LeagueClaim: Sendable, Equatable {
    public var guildID: String
    public var number: CarNumber
    public var userID: String
    /// The holder's Discord username when the claim was made (for exports), if known.
    public var userName: String?
    public var claimedAt: Date
    /// The admin who assigned it; nil when the holder claimed it.
    public var assignedBy: String?
    public var syncState: LeagueSyncState
    /// The holder's number in the iRacing roster when it differs.
    public var iracingNumber: String?
    public var checkedAt: Date?

    public init(
        guildID: String, number: CarNumber, userID: String, userName: String? = nil, claimedAt: Date, assignedBy: String? = nil,
        syncState: LeagueSyncState = .unchecked, iracingNumber: String? = nil, checkedAt: Date? = nil
    ) {
        self.guildID = guildID
        self.number = number
        self.userID = userID
        self.userName = userName
        self.claimedAt = claimedAt
        self.assignedBy = assignedBy
        self.syncState = syncState
        self.iracingNumber = iracingNumber
        self.checkedAt = checkedAt
    }
}

/// What a sync found for a claim. `missing` and `different` are the differences announced.
public enum LeagueSyncState: String, Sendable, CaseIterable {
    /// Not compared with iRacing yet.
    case unchecked
    /// The holder's iRacing roster entry has exactly this number.
    case synced
    /// The holder is not in the roster, or is there without a number.
    case missing
    /// The holder's roster entry has another number (`iracingNumber`).
    case different
    /// The holder has not linked an iRacing member id (`/link`): nothing to compare.
    case unlinked

    public var isDifference: Bool { self == .missing || self == .different }
}

/// The outcome of a claim or an assignment.
public enum LeagueClaimOutcome: Sendable, Equatable {
    case claimed
    /// The member already holds it.
    case alreadyHeld
    /// Someone else holds it.
    case takenBy(userID: String)
    /// The member holds the most numbers allowed (these).
    case limitReached(held: [CarNumber])
}

/// The outcome of a release.
public enum LeagueReleaseOutcome: Sendable, Equatable {
    /// Released; the holder it had.
    case released(holder: String)
    case notHeld
    /// Held by someone else (a member may release only their own).
    case heldBy(userID: String)
}
