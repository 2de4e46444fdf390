import Foundation

/// Keeps the current refresh token in a file readable only by the owner (0600).
///
/// iRacing's refresh tokens are single-use, so the new one must be on disk before it is ever
/// used: a crash after a refresh would otherwise leave only the spent token behind and force
/// a new password grant. Each save writes a temporary file in the same directory and renames
/// it over the old one, so a reader sees either the old token or the new one, never half.
public struct RefreshTokenFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The stored token; nil when there is none or the file is unreadable (a new password grant follows).
    public func load() -> StoredRefreshToken? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try? decoder.decode(StoredRefreshToken.self, from: data)
    }

    /// Atomically replaces the stored token.
    public func save(_ token: StoredRefreshToken) throws(IRacingError) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let data: Data
        do { data = try encoder.encode(token) } catch { throw IRacingError.tokenStorage("cannot encode the refresh token") }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp"
        let created = FileManager.default.createFile(
            atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600])
        guard created else { throw IRacingError.tokenStorage("cannot write \(temporary)") }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw IRacingError.tokenStorage("cannot replace \(path): \(reason)")
        }
    }

    /// Forgets the token (after iRacing refused it).
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
