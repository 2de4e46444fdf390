import Coaching
import Logging
import ServerSettings
import Storage
import Telemetry

/// Makes the real coach for a live session: a shipped or imported reference for the track and car,
/// else (when allowed) one for the track in another car, else the driver's own stored best lap,
/// else none (the first valid lap becomes the reference).
public struct DriverCoachFactory: LiveCoachFactory {
    let library: ReferenceLibrary
    let driverReferences: DriverReferenceRepository
    let writer: LapWriter
    let configuration: ServerConfiguration.Coaching
    /// Where laps in progress keep their packed chunks; nil keeps them in memory.
    let lapSpool: LapChunkSpool?
    let logger: Logger

    public init(
        library: ReferenceLibrary, database: TrailbrakeDatabase, writer: LapWriter,
        configuration: ServerConfiguration.Coaching, lapSpool: LapChunkSpool? = nil, logger: Logger
    ) {
        self.library = library
        self.driverReferences = DriverReferenceRepository(database: database)
        self.writer = writer
        self.configuration = configuration
        self.lapSpool = lapSpool
        self.logger = logger
    }

    public func makeCoach(for session: SessionDescriptor, driver: AuthenticatedDriver, language: String) async
        -> sending any LiveCoach
    {
        await makeCoach(for: session, driver: driver, language: language, speech: nil)
    }

    public func makeCoach(
        for session: SessionDescriptor, driver: AuthenticatedDriver, language: String, speech: (any CueSpeech)?
    ) async -> sending any LiveCoach {
        await makeCoach(for: session, driver: driver, language: language, speech: speech, preferences: CoachingPreferences())
    }

    public func makeCoach(
        for session: SessionDescriptor, driver: AuthenticatedDriver, language: String, speech: (any CueSpeech)?,
        preferences: CoachingPreferences
    ) async -> sending any LiveCoach {
        var choice = library.choose(for: session, allowOtherCars: configuration.allowOtherCarReference)
        if choice.reason == .none, configuration.ownBestAsReference {
            do {
                if let best = try await driverReferences.reference(driverID: driver.id, track: session.track, car: session.car) {
                    choice = ReferenceChoice(reference: best, trackMap: nil, reason: .driverBest)
                }
            } catch {
                logger.warning("driver reference unreadable; coaching without it", metadata: ["error": "\(error)"])
            }
        }
        let coach = DriverCoach(
            session: session, reference: choice, language: CueLanguage(rawValue: language) ?? .english,
            configuration: DriverCoachConfiguration(
                lapTracking: configuration.lapTracking, deltaInterval: configuration.deltaIntervalSeconds,
                ownBestAsReference: configuration.ownBestAsReference, speech: speech, framePacker: LapTelemetryChunkPacker(spool: lapSpool),
                preferences: preferences))
        return StoredDriverCoach(coach: coach, driverID: driver.id, writer: writer, logger: logger)
    }
}
