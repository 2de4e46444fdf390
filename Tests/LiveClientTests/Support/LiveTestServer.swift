import CoachServer
import Coaching
import Foundation
import Logging
import ServerSettings
import ServerTestSupport
import Storage
import TestSupport

/// The real server in-process on 127.0.0.1, wired as `trailbrake serve` wires it (SQLite in a
/// directory, Storage behind every seam, the shipped reference laps), with one driver and token.
/// The same directory and port can be served again (a restart of the in-process server).
struct LiveTestServer: Sendable {
    let baseURL: String
    let token: String
    let driverID: Int64
    let server: TrailbrakeServer
    let database: TrailbrakeDatabase

    var liveURL: String {
        baseURL.replacingOccurrences(of: "http://", with: "ws://").replacingOccurrences(of: "https://", with: "wss://")
    }

    static let referenceDirectory = TestData.packageRoot.appendingPathComponent("ReferenceLaps", isDirectory: true)

    /// A data directory with its database, driver and token, kept across server restarts.
    struct Home: Sendable {
        let directory: URL
        let database: TrailbrakeDatabase
        let driverID: Int64
        let token: String

        init() async throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-client-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            database = try TrailbrakeDatabase(path: directory.appendingPathComponent("trailbrake.sqlite").path)
            let accounts = StorageBackedDrivers(database: database)
            let driver = try await accounts.createDriver(name: "client-test")
            driverID = driver.id
            token = try await accounts.createToken(driverID: driver.id)
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }

        /// Every lap the server stored for the driver, in driving order, across sessions.
        func storedLaps() async throws -> [LapRecordRow] {
            var laps: [LapRecordRow] = []
            for session in try await SessionRepository(database: database).sessions(driverID: driverID).reversed() {
                laps += try await LapRepository(database: database).laps(sessionID: session.id, driverID: driverID)
            }
            return laps
        }
    }

    /// What the server counted, from its own Prometheus text (`name value` lines).
    func metric(_ name: String) -> Double? {
        for line in server.metrics.exposition().split(separator: "\n") where line.hasPrefix(name + " ") {
            return line.split(separator: " ").last.flatMap { Double($0) }
        }
        return nil
    }

    static func with<T: Sendable>(
        home: Home, port: Int = 0, configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
        _ body: @Sendable (LiveTestServer) async throws -> T
    ) async throws -> T {
        var configuration = ServerConfiguration()
        configuration.server.port = port
        configuration.server.dataDirectory = home.directory.path
        configuration.voice.enabled = false
        configure(&configuration)
        var logger = Logger(label: "client-test-server")
        logger.logLevel = .warning
        let library = ReferenceDirectory.load(referenceDirectory, logger: logger)
        let dependencies = CoachServerDependencies.storageBacked(
            database: home.database, library: library, coaching: configuration.coaching, logger: logger)
        let server = TrailbrakeServer(configuration: configuration, dependencies: dependencies, logger: logger)
        return try await withRunningServer(server, logger: logger) { url in
            try await body(LiveTestServer(baseURL: url, token: home.token, driverID: home.driverID, server: server, database: home.database))
        }
    }
}

/// A TCP port nothing listens on right now (the kernel's pick, released at once).
func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw TestFailure("socket() failed") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw TestFailure("bind() failed") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
