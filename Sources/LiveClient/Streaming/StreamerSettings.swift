import NIOSSL
import Telemetry
import WireClient

/// Everything the streamer needs besides its source: where, who, and every limit it keeps.
/// Defaults are the documented ones (docs/client.md); the CLI fills it from flags and the
/// config file, and `validate()` refuses values outside their ranges before anything opens.
public struct StreamerSettings: Sendable {
    public var endpoint: ServerEndpoint
    public var token: DriverToken
    /// Required for `wss://` (system roots, a CA file, or no verification).
    public var tls: TLSConfiguration?
    /// `en` or `tr`; nil (no flag, nothing in the config file) leaves it out of `hello`, so the
    /// server uses the language stored for the driver (English when none is).
    public var language: String?
    /// Ask the server for voice clips (the CLI turns it on with `--play`).
    public var voice = false
    /// A batch leaves when it holds this many frames (6: 100 ms at 60 Hz) ...
    public var framesPerBatch = 6
    /// ... or when its oldest frame has waited this long (a slow or pausing source).
    public var batchInterval: Duration = .milliseconds(100)
    /// Frames held for the server (unacknowledged plus not yet sent). When full the OLDEST are
    /// dropped: coaching is about where the car is now (docs/client.md says why). 36,000 frames
    /// are 10 minutes at 60 Hz, about 3 MB.
    public var bufferFrames = 36_000
    /// Reconnect delays: doubling from the first to the last, with jitter.
    public var reconnectDelays: ClosedRange<Duration> = .milliseconds(500)...(.seconds(30))
    /// No frame from the sim for this long: the status line says so (the session stays open).
    public var sourceSilence: Duration = .seconds(10)
    /// Batches unacknowledged and nothing heard from the server for this long: the socket is
    /// taken for dead and reconnected (a path that died without a TCP reset).
    public var serverSilence: Duration = .seconds(15)
    /// TCP connect, TLS and upgrade; and again for the `welcome` after `hello`.
    public var connectTimeout: Duration = .seconds(10)
    /// After the source ends: how long the server may take to acknowledge what is left.
    public var drainTimeout: Duration = .seconds(30)
    /// Largest message accepted from the server (voice clips are the big ones).
    public var maximumMessageBytes = 1 << 22
    /// How often the streamer's one timer runs: batching deadlines, silences, the status line.
    public var tick: Duration = .milliseconds(50)

    public init(endpoint: ServerEndpoint, token: DriverToken, tls: TLSConfiguration? = nil) {
        self.endpoint = endpoint
        self.token = token
        self.tls = tls
    }

    public func validate() throws(ClientSettingsError) {
        func check(_ ok: Bool, _ message: String) throws(ClientSettingsError) {
            guard ok else { throw ClientSettingsError(.invalidOption, message) }
        }
        try check(language.map(Hello.supportedLanguages.contains) ?? true, "language must be one of \(Hello.supportedLanguages.sorted())")
        try check((1...FrameBatch.maximumFrameCount).contains(framesPerBatch), "frames per batch must be 1...\(FrameBatch.maximumFrameCount)")
        try check(batchInterval >= .milliseconds(1) && batchInterval <= .seconds(2), "the batch interval must be 1 ms ... 2 s")
        try check((framesPerBatch...10_000_000).contains(bufferFrames), "the buffer must hold \(framesPerBatch)...10000000 frames")
        try check(reconnectDelays.lowerBound >= .milliseconds(10) && reconnectDelays.upperBound <= .seconds(3_600),
            "reconnect delays must lie within 10 ms ... 1 h")
        try check(sourceSilence >= .milliseconds(100) && sourceSilence <= .seconds(3_600), "the source timeout must be 0.1 s ... 1 h")
        try check(serverSilence >= .milliseconds(100) && serverSilence <= .seconds(3_600), "the server timeout must be 0.1 s ... 1 h")
        try check(connectTimeout >= .milliseconds(100) && connectTimeout <= .seconds(600), "the connect timeout must be 0.1 s ... 10 min")
        try check(drainTimeout >= .zero && drainTimeout <= .seconds(3_600), "the drain timeout must be 0 ... 1 h")
        try check((65_536...(1 << 26)).contains(maximumMessageBytes), "the message limit must be 64 KiB ... 64 MiB")
        try check(tick >= .milliseconds(5) && tick <= .seconds(1), "the tick must be 5 ms ... 1 s")
        try check(!endpoint.secure || tls != nil, "wss:// needs a TLS configuration")
    }
}
