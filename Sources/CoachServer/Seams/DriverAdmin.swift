/// Driver and token administration, used by `trailbrake token create` and by first-run setup.
public protocol DriverAdmin: Sendable {
    /// How many drivers exist; 0 means a fresh install.
    func driverCount() async throws -> Int
    /// The driver called `name`, if there is one.
    func driver(named name: String) async throws -> AuthenticatedDriver?
    func createDriver(name: String) async throws -> AuthenticatedDriver
    /// Issues a new token for the driver and returns it in clear text, the only time it exists so.
    func createToken(driverID: Int64) async throws -> String
}
