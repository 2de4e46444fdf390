import Foundation

/// What the live coaching server shares with team channels: finished laps and the important
/// cues of a driver, as they happen.
public enum CoachingFeedEvent: Sendable, Hashable {
    case lapCompleted(LapSummaryEvent)
    case cue(CueEvent)
    /// Not posted in channels: the bot DMs the session report to the driver.
    case sessionEnded(SessionEndedEvent)

    /// The trailbrake driver the event is about.
    public var driverName: String {
        switch self {
        case .lapCompleted(let lap): lap.driverName
        case .cue(let cue): cue.driverName
        case .sessionEnded(let end): end.driverName
        }
    }
}

/// A finished lap, as a teammate wants to read it.
public struct LapSummaryEvent: Sendable, Hashable {
    public var driverName: String
    public var sessionID: String
    public var trackName: String
    public var car: String
    public var lapNumber: Int
    /// Seconds; nil for a lap without a valid time (reset, cut).
    public var lapTime: Double?
    public var valid: Bool
    /// Seconds gained (negative) or lost against the reference.
    public var deltaToReference: Double?

    public init(
        driverName: String, sessionID: String, trackName: String, car: String, lapNumber: Int, lapTime: Double?,
        valid: Bool, deltaToReference: Double?
    ) {
        self.driverName = driverName
        self.sessionID = sessionID
        self.trackName = trackName
        self.car = car
        self.lapNumber = lapNumber
        self.lapTime = lapTime
        self.valid = valid
        self.deltaToReference = deltaToReference
    }
}

/// One cue as the driver heard it, with its voice clip when one was rendered.
public struct CueEvent: Sendable, Hashable {
    public var driverName: String
    public var sessionID: String
    public var lapNumber: Int
    public var cornerNumber: Int?
    public var text: String
    /// The coaching engine's severity, 1 (minor) ... 3 (major); feeds post only important cues.
    public var severity: Int
    /// Ogg Opus, 48 kHz mono, when voice was rendered for this cue.
    public var voiceClip: Data?
    /// Seconds of audio in `voiceClip`.
    public var voiceDuration: Double?

    public init(
        driverName: String, sessionID: String, lapNumber: Int, cornerNumber: Int?, text: String, severity: Int,
        voiceClip: Data? = nil, voiceDuration: Double? = nil
    ) {
        self.driverName = driverName
        self.sessionID = sessionID
        self.lapNumber = lapNumber
        self.cornerNumber = cornerNumber
        self.text = text
        self.severity = severity
        self.voiceClip = voiceClip
        self.voiceDuration = voiceDuration
    }
}

/// Receives the live feed. Called on the live path, so `offer` must return at once and never
/// wait for the network: an implementation queues (bounded, dropping the oldest) and posts
/// from its own task. A slow or dead Discord therefore never slows coaching.
public protocol CoachingFeedSink: Sendable {
    func offer(_ event: CoachingFeedEvent)
}
