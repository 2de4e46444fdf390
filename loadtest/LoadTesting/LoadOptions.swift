import NIOSSL
import Telemetry

/// Everything a load run needs besides its laps: where, who, how many, how fast.
public struct LoadOptions: Sendable {
    /// How batches are paced.
    public enum Pacing: Sendable, Equatable {
        /// Like a sim: 60 frames per second of session time, a batch every `batchSize / 60` s.
        case realTime
        /// Next batch as soon as fewer than `window` batches are unacknowledged (the server's
        /// acks, or the echoes of the echo endpoint, open the window again).
        case asFastAsPossible(window: Int)
    }

    /// What the drivers talk to.
    public enum Target: String, Sendable, Codable {
        /// The live coaching endpoint: `hello`, `welcome`, batches, acks and cues.
        case coaching
        /// The benchmark echo endpoint (`server.echo_path`): the same batches, each sent back.
        case echo
    }

    /// `ws://` or `wss://` URL of the endpoint (live or echo).
    public var url: String
    /// One per driver (driver `i` uses `tokens[i % tokens.count]`).
    public var tokens: [String]
    public var drivers = 1
    /// Whole run, ramp-up included.
    public var duration: Duration = .seconds(30)
    /// Drivers start evenly spread over this time.
    public var rampUp: Duration = .zero
    /// Frames per batch, 1...60 (6 = a batch every 100 ms at 60 Hz).
    public var batchSize = 6
    public var pacing: Pacing = .realTime
    public var format: Hello.FrameCodec = .binary
    public var voice = false
    public var language = "en"
    public var target: Target = .coaching
    /// Seeds every driver's start offset, variant and noise: the same seed sends the same frames.
    public var seed: UInt64 = 1
    /// Trust for `wss://`; nil for `ws://`.
    public var tls: TLSConfiguration?
    /// Each driver drops its socket once after this long (close 1001) and resumes its session.
    public var reconnectAfter: Duration?
    /// Where to read the server's memory (`/metrics`, or `/proc/PID` of a local server).
    public var probe = ServerProbe()
    /// Where to log every lap the server said it stored (scripts/crash-under-load.sh); nil for nowhere.
    public var storedLaps: StoredLapLog?

    public init(url: String, tokens: [String]) {
        self.url = url
        self.tokens = tokens
    }

    /// Frames per second of session time the sims produce.
    public static let frameRate = 60.0

    /// Refuses options that cannot work, before any socket opens.
    public func validate() throws(LoadError) {
        guard !tokens.isEmpty else { throw LoadError(.missingTokens, "no token given") }
        guard (1...100_000).contains(drivers) else { throw LoadError(.invalidOption, "drivers must be 1...100000") }
        guard (1...60).contains(batchSize) else { throw LoadError(.invalidOption, "batch must be 1...60 frames") }
        guard duration > .zero else { throw LoadError(.invalidOption, "duration must be positive") }
        guard rampUp >= .zero, rampUp < duration else { throw LoadError(.invalidOption, "ramp-up must be shorter than the duration") }
        if case .asFastAsPossible(let window) = pacing, window < 1 {
            throw LoadError(.invalidOption, "window must be at least 1 batch")
        }
        guard url.hasPrefix("ws://") || url.hasPrefix("wss://") else { throw LoadError(.badURL, "URL must start with ws:// or wss://") }
    }
}
