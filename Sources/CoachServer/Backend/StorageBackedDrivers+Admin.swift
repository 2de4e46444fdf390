import Foundation
import Storage

/// `/admin`'s drivers and tokens on the same repositories as `trailbrake token ...`.
extension StorageBackedDrivers: AdminConsole {
    public func driverList(limit: Int) async throws -> [AdminDriver] {
        try await drivers.list(limit: limit)
    }

    public func tokenList(limit: Int) async throws -> [AdminToken] {
        let now = Date()
        return try await tokens.newest(limit: limit).map { token in
            AdminToken(
                id: token.id, driverName: token.driverName, label: token.label, createdAt: token.createdAt, expiresAt: token.expiresAt,
                status: AdminToken.Status(rawValue: token.status(at: now).rawValue) ?? .revoked)
        }
    }

    public func addDriver(name: String) async throws -> AdminDriver? {
        do {
            return try await drivers.createDriver(name: name)
        } catch StorageError.duplicateName {
            return nil
        }
    }

    public func issueToken(driverID: Int64, label: String?) async throws -> String? {
        do {
            return try await drivers.createToken(for: driverID, label: label)
        } catch StorageError.notFound {
            return nil
        }
    }

    public func revokeToken(id: Int64) async throws -> Bool {
        do {
            return try await tokens.revoke(tokenID: id)
        } catch StorageError.notFound {
            return false
        }
    }
}
