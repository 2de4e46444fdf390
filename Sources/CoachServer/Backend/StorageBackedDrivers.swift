import Storage

/// Drivers and tokens from Storage behind the server's auth and admin seams.
public struct StorageBackedDrivers: DriverAuthenticator, DriverAdmin {
    let drivers: DriverRepository
    let tokens: TokenRepository

    public init(database: TrailbrakeDatabase) {
        drivers = DriverRepository(database: database)
        tokens = TokenRepository(database: database)
    }

    public func authenticate(token: String) async throws -> AuthenticatedDriver? {
        try await tokens.authenticate(token: token).map {
            AuthenticatedDriver(id: $0.driver.id, name: $0.driver.name, tokenID: $0.tokenID)
        }
    }

    public func validTokenIDs(_ ids: Set<Int64>) async throws -> Set<Int64> {
        try await tokens.validTokenIDs(among: ids)
    }

    public func driverCount() async throws -> Int { try await drivers.driverCount() }

    public func driver(named name: String) async throws -> AuthenticatedDriver? {
        try await drivers.driver(named: name).map(AuthenticatedDriver.init)
    }

    public func createDriver(name: String) async throws -> AuthenticatedDriver {
        AuthenticatedDriver(try await drivers.createDriver(name: name))
    }

    public func createToken(driverID: Int64) async throws -> String { try await drivers.createToken(for: driverID) }
}

extension AuthenticatedDriver {
    init(_ driver: Driver) { self.init(id: driver.id, name: driver.name) }
}
