import CoachServer
import CoachVoice
import Foundation
import IRacing
import Integration
import Logging
import ResultsPoller
import ServerSettings
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
        let storage = configuration.storage
        let database = try TrailbrakeDatabase(
            path: path, synchronous: storage.synchronous == "full" ? .full : .normal,
            busyTimeout: .milliseconds(storage.busyTimeoutMilliseconds))
        logger.debug("database open", metadata: ["path": "\(path)", "synchronous": "\(storage.synchronous)"])
        return Backend(database: database, drivers: StorageBackedDrivers(database: database))
    }

    /// Everything `serve` needs: Storage behind the server's seams, the real coach with the
    /// reference laps from `server.reference_dir`, and the voice (nil when `[voice]` is off).
    func serverDependencies(
        _ configuration: ServerConfiguration, voice: PhraseCacheVoice?, metrics: ServerMetrics, logger: Logger
    ) -> CoachServerDependencies {
        let directory = URL(fileURLWithPath: configuration.server.referenceDirectory, isDirectory: true)
        let library = ReferenceDirectory.load(directory, logger: logger)
        var dependencies = CoachServerDependencies.storageBacked(
            database: database, library: library, coaching: configuration.coaching, logger: logger, voice: voice, timings: metrics)
        dependencies.referenceShelf = DirectoryReferenceShelf(library: library, directory: directory)
        return dependencies
    }

    /// The iRacing results poller when `[iracing] enabled`, posting to `publisher` (the Discord
    /// bot) or, without one, to the log.
    func resultsPoller(
        _ configuration: ServerConfiguration, client: IRacingClient?, publisher: (any RaceResultPublisher)?, logger: Logger
    ) -> ResultsPollerService? {
        ResultsPollerWiring.make(configuration, client: client, database: database, publisher: publisher, logger: logger)
    }

    /// The tracked-driver list and result archive the Discord bot's commands use.
    var trackedDrivers: any TrackedDriverDirectory { StoredTrackedDriverDirectory(database: database) }
    var resultArchive: any RaceResultArchive { StoredRaceResultArchive(database: database) }
}
