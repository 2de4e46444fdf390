import Foundation

/// One bearer token as `trailbrake token list` shows it: never the token itself (only its hash
/// is stored), but who it belongs to and whether it still works.
public struct TokenRecord: Sendable, Equatable {
    public enum Status: String, Sendable {
        case active, expired, revoked
    }

    public var id: Int64
    public var driverID: Int64
    public var driverName: String
    public var label: String?
    public var createdAt: Date
    /// nil: never expires.
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(
        id: Int64, driverID: Int64, driverName: String, label: String?, createdAt: Date, expiresAt: Date?, revokedAt: Date?
    ) {
        self.id = id
        self.driverID = driverID
        self.driverName = driverName
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Revoked wins over expired: revoking is the operator's deliberate act.
    public func status(at now: Date = Date()) -> Status {
        if revokedAt != nil { return .revoked }
        if let expiresAt, expiresAt <= now { return .expired }
        return .active
    }
}

/// A token that was just accepted: its driver and which token it was, so a live session can be
/// closed when exactly that token is revoked or expires.
public struct TokenGrant: Sendable, Equatable {
    public var driver: Driver
    public var tokenID: Int64
    public var expiresAt: Date?

    public init(driver: Driver, tokenID: Int64, expiresAt: Date?) {
        self.driver = driver
        self.tokenID = tokenID
        self.expiresAt = expiresAt
    }
}

/// A token as made by `TokenRepository.issue`: the clear text, shown once, and its row id.
public struct IssuedToken: Sendable, Equatable {
    public var token: String
    public var id: Int64
    public var expiresAt: Date?
}
