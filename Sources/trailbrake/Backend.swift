import CoachServer
import Foundation
import Logging
import Storage

/// The real implementations of the server's seams, opened from the configuration.
struct Backend {
    var database: TrailbrakeDatabase
    var drivers: StorageBackedDrivers
    var admin: any DriverAdmin { drivers }

    /// Opens (creating if needed) `<data_dir>/trailbrake.sqlite`.
    static func open(_ configuration: ServerConfiguration, logger: Logger) throws -> Backend {
        let directory = URL(fileURLWithPath: configuration.server.dataDirectory, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("trailbrake.sqlite").path
        let database = try TrailbrakeDatabase(path: path)
        logger.debug("database open", metadata: ["path": "\(path)"])
        return Backend(database: database, drivers: StorageBackedDrivers(drivers: DriverRepository(database: database)))
    }

    /// Everything `serve` needs. The live coach (Coaching's analysis and cues) is wired by the
    /// lead at integration; until then serving fails with a clear message.
    func serverDependencies() throws -> CoachServerDependencies {
        let reader = StorageBackedReader(database: database)
        let sessions = StorageBackedSessions(sessions: SessionRepository(database: database), writer: LapWriter(database: database))
        guard let coachFactory = LiveCoachWiring.factory else { throw BackendError.coachNotIntegrated }
        return CoachServerDependencies(
            authenticator: drivers, coachFactory: coachFactory, sessionStore: sessions, reader: reader, databaseHealth: reader)
    }
}

/// Where the integration plugs the live coach in.
enum LiveCoachWiring {
    static let factory: (any LiveCoachFactory)? = nil
}

enum BackendError: Error, CustomStringConvertible {
    case coachNotIntegrated

    var description: String {
        "this build has no live coach wired yet (Coaching's CornerCoach is integrated by the lead)"
    }
}
