import Coaching
import Integration
import Logging
import ServerSettings
import Storage

extension CoachServerDependencies {
    /// Every seam backed by one SQLite database: tokens, the coach with `library`, sessions, the
    /// lap writer, the read API and the listen page's sign-in. `trailbrake serve` runs on this, and so do the tests that
    /// start a real server, so they exercise the same wiring.
    public static func storageBacked(
        database: TrailbrakeDatabase, library: ReferenceLibrary, coaching: ServerConfiguration.Coaching, logger: Logger,
        voice: (any CueVoice)? = nil, coachingFeed: (any CoachingFeedSink)? = nil, timings: (any DatabaseTimings)? = nil
    ) -> CoachServerDependencies {
        let writer = LapWriter(database: database, timings: timings)
        let reader = StorageBackedReader(database: database, timings: timings)
        let spool = coaching.spoolLapInProgress
            ? lapSpool(beside: database, maximumBytes: coaching.lapSpoolMaxMegabytes << 20, logger: logger) : nil
        let coachFactory = DriverCoachFactory(
            library: library, database: database, writer: writer, configuration: coaching, lapSpool: spool, logger: logger)
        var dependencies = CoachServerDependencies(
            authenticator: StorageBackedDrivers(database: database), coachFactory: coachFactory,
            sessionStore: StorageBackedSessions(database: database, writer: writer), reader: reader, databaseHealth: reader,
            voice: voice, coachingFeed: coachingFeed,
            lapSpill: PendingLapDirectory(besideDatabase: database).map { StorageBackedLapSpill(directory: $0, writer: writer) },
            browserSessions: StorageBackedBrowserSessions(database: database))
        dependencies.lapSpool = spool
        dependencies.references = StoredReferenceLaps(library: library, database: database)
        dependencies.adminConsole = StorageBackedDrivers(database: database)
        dependencies.teamDirectory = TeamWebRepository(database: database)
        return dependencies
    }

    /// The lap spool beside the database file; nil (the lap in progress stays in memory) for an
    /// in-memory database or when its directory cannot be made, which is logged.
    private static func lapSpool(beside database: TrailbrakeDatabase, maximumBytes: Int, logger: Logger) -> LapChunkSpool? {
        do {
            return try LapChunkSpool(besideDatabase: database, maximumBytes: maximumBytes, logger: logger)
        } catch {
            logger.warning("laps in progress stay in memory", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
