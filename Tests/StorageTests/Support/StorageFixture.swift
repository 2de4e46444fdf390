import Foundation
import Storage
import Telemetry

/// A fresh database file in its own temporary directory, with helpers to add drivers and
/// sessions. Call `remove()` when done (tests use `defer`).
struct StorageFixture {
    let directory: URL
    let database: TrailbrakeDatabase

    init(synchronous: SynchronousMode = .normal) throws {
        directory = try Self.makeTemporaryDirectory()
        database = try TrailbrakeDatabase(path: directory.appendingPathComponent("trailbrake.sqlite").path, synchronous: synchronous)
    }

    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    var drivers: DriverRepository { DriverRepository(database: database) }
    var sessions: SessionRepository { SessionRepository(database: database) }
    var laps: LapRepository { LapRepository(database: database) }

    static let descriptor = SessionDescriptor(
        sim: "iracing", track: TrackDescriptor(name: "Brands Hatch", configuration: "Indy", length: SyntheticLap.trackLength),
        car: "Mazda MX-5", sessionType: "practice"
    )

    /// A new driver with one session.
    func driverWithSession(named name: String) async throws -> (driver: Driver, session: SessionRecord) {
        let driver = try await drivers.createDriver(name: name)
        let session = try await sessions.create(
            driverID: driver.id, descriptor: Self.descriptor, referenceSource: "synthesised", referenceReason: "shipped_track_and_car"
        )
        return (driver, session)
    }
}
