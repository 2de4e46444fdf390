/// A driver whose bearer token was accepted. Every REST query and live session is scoped to `id`.
public struct AuthenticatedDriver: Sendable, Equatable, Hashable {
    public var id: Int64
    public var name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}

/// Turns a bearer token into a driver (Storage keeps only SHA-256 hashes of tokens).
public protocol DriverAuthenticator: Sendable {
    /// The driver owning `token`, or nil when the token is unknown or revoked.
    func authenticate(token: String) async throws -> AuthenticatedDriver?
}
