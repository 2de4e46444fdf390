import Coaching
import Telemetry

/// Builds a coach for a new live session: picks the reference (shipped for track and car, for
/// the track, the driver's best, or none) and loads the track map.
public protocol LiveCoachFactory: Sendable {
    /// - Parameter language: `en` or `tr`, from `hello`.
    func makeCoach(for session: SessionDescriptor, driver: AuthenticatedDriver, language: String) async
        -> sending any LiveCoach
    /// - Parameter speech: the voice that will speak this driver's cues, when they asked for
    ///   voice in `hello`: the coach then times approach cues on their clips.
    func makeCoach(
        for session: SessionDescriptor, driver: AuthenticatedDriver, language: String, speech: (any CueSpeech)?
    ) async -> sending any LiveCoach
    /// - Parameter preferences: the driver's `hello.settings` (how talkative, units, topics off).
    func makeCoach(
        for session: SessionDescriptor, driver: AuthenticatedDriver, language: String, speech: (any CueSpeech)?,
        preferences: CoachingPreferences
    ) async -> sending any LiveCoach
}

extension LiveCoachFactory {
    /// Factories whose coaches do not time cues on speech ignore the voice.
    public func makeCoach(
        for session: SessionDescriptor, driver: AuthenticatedDriver, language: String, speech: (any CueSpeech)?
    ) async -> sending any LiveCoach {
        await makeCoach(for: session, driver: driver, language: language)
    }

    /// Factories whose coaches take no driver settings ignore them.
    public func makeCoach(
        for session: SessionDescriptor, driver: AuthenticatedDriver, language: String, speech: (any CueSpeech)?,
        preferences: CoachingPreferences
    ) async -> sending any LiveCoach {
        await makeCoach(for: session, driver: driver, language: language, speech: speech)
    }
}
