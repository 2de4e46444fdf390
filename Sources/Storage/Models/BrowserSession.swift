import Foundation

/// A login link just made: the only time its secret exists in clear text.
public struct IssuedLoginLink: Sendable, Equatable {
    /// `tbl_` + 43 base64url characters; the database keeps only its SHA-256.
    public var secret: String
    public var driver: Driver
    public var expiresAt: Date
}

/// A signed-in browser, found by its cookie.
public struct BrowserSessionRecord: Sendable, Equatable {
    /// The row's id: names the session to the server (a listener remembers it) without its secret.
    public var id: Int64
    public var driver: Driver
    /// Echoed by the page's forms (sign-out) to prove they came from the page.
    public var csrfToken: String
    public var expiresAt: Date
}

/// What exchanging a login link gave.
public enum LoginLinkRedemption: Sendable, Equatable {
    /// A new session; `secret` is the cookie value, shown this once (only its hash is stored).
    case signedIn(BrowserSessionRecord, secret: String)
    /// The link was exchanged before: it works once.
    case used
    case expired
    /// Not a link this server made (or one whose driver was deleted).
    case unknown
}

extension Date {
    /// This instant cut to whole milliseconds, the precision the database keeps, so that an
    /// expiry compared in Swift agrees with the stored one to the millisecond.
    var storedPrecision: Date { Date(timeIntervalSince1970: (timeIntervalSince1970 * 1_000).rounded(.down) / 1_000) }
}
