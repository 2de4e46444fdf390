import Foundation

/// A refresh token and when it stops working. Refresh tokens are single-use: the value is
/// replaced by every refresh.
public struct StoredRefreshToken: Sendable, Equatable, Codable {
    public var token: String
    public var expiresAt: Date

    public init(token: String, expiresAt: Date) {
        self.token = token
        self.expiresAt = expiresAt
    }
}

extension StoredRefreshToken: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "StoredRefreshToken(redacted, expiresAt: \(expiresAt))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["expiresAt": expiresAt], displayStyle: .struct) }
}
