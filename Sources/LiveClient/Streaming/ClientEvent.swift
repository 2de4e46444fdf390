import Telemetry
import WireClient

/// What the streamer tells the driver: notable moments, each printed as a line, and regular
/// `status` snapshots for the one-line status. Delivered in order, synchronously.
public enum ClientEvent: Sendable {
    /// The source announced (or changed) the session: the next `hello` describes it.
    case sessionStarted(SessionDescriptor)
    /// The source's own state (waiting for the sim, paused, packets lost ...).
    case sim(SimStatus)
    case connecting(endpoint: String, attempt: Int)
    /// `welcome`: the session, whether it was resumed, how many batches were sent again, and
    /// the reference lap the server coaches against ("none" until there is one).
    case connected(session: String, resumed: Bool, resentBatches: Int, reference: String)
    /// The socket dropped or could not open; frames are buffered meanwhile.
    case disconnected(reason: String, retryIn: Duration, bufferedFrames: Int)
    /// The server or the settings refused the client for good (a wrong token, a fatal error).
    case refused(reason: String)
    /// The server no longer had the session (it restarted, or the resume window passed): these
    /// frames were sent but never acknowledged, and are not sent again so none counts twice.
    case unconfirmed(frames: Int)
    /// A session's frames were all acknowledged and it was ended with close 1000.
    case sessionEnded(session: String)
    /// The buffer is full: the oldest frames are being dropped (see `Outbox`).
    case bufferFull(capacity: Int)
    /// The buffer has room again; `dropped` frames were lost while it was full.
    case bufferRecovered(dropped: Int)
    /// A frame the server would refuse (NaN, out of range) was dropped here; first of each reason.
    case frameRefused(reason: String)
    /// No frame from the sim for this long; `sourceBack` when frames flow again.
    case sourceSilent(Duration)
    case sourceBack
    case cue(CueNotice)
    case clip(ClipMessage)
    case lap(number: Int, time: Double?, valid: Bool, stored: Bool)
    /// A non-fatal `error` message from the server.
    case serverError(code: String, message: String)
    /// The source ended and these frames could not be delivered within the drain timeout.
    case undelivered(frames: Int)
    /// A snapshot for the status line (at most a few per second).
    case status(StreamStatus)
}

/// A cue as the driver sees it, with what the clip player needs to judge its deadline.
public struct CueNotice: Sendable, Equatable {
    public var id: UInt64
    public var kind: String
    public var text: String
    public var corner: Int?
    /// Lap distance (m) by which an approach cue must have been heard; nil for feedback.
    public var deadline: Double?
    /// The clip id announced with the cue (nil: none yet, a late clip may follow).
    public var clipID: String?

    public init(id: UInt64, kind: String, text: String, corner: Int? = nil, deadline: Double? = nil, clipID: String? = nil) {
        self.id = id
        self.kind = kind
        self.text = text
        self.corner = corner
        self.deadline = deadline
        self.clipID = clipID
    }
}

/// Everything the status line shows.
public struct StreamStatus: Sendable, Equatable {
    public enum Link: Sendable, Equatable {
        /// No session yet: the source has not found the sim.
        case waitingForSim
        case connecting(attempt: Int)
        case streaming(resumed: Bool)
        case retrying(reason: String)
        case refused(reason: String)
        case finished
    }

    public var simName: String
    public var sim: SimStatus?
    public var session: SessionDescriptor?
    public var link: Link = .waitingForSim
    public var lap: Int32?
    /// Seconds behind (+) or ahead (-) of the reference, from the server's last `delta`.
    public var delta: Double?
    /// The lowest ack round trip of the recent ones (acks are coalesced by the server, so the
    /// lowest is the closest to the network and processing time).
    public var latency: Duration?
    public var bufferedFrames = 0
    public var droppedFrames = 0
    public var refusedFrames = 0
    /// Frames sent to a session the server lost before acknowledging them (see `unconfirmed`).
    public var unconfirmedFrames = 0
    public var sourceSilentFor: Duration?

    public init(simName: String) { self.simName = simName }
}
