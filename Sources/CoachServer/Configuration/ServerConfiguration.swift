/// Everything the operator can set, with the defaults documented in `config/trailbrake.toml`.
///
/// Built by `ServerConfiguration.load(file:environment:)` from the parsed TOML file and
/// `TRAILBRAKE_<SECTION>_<KEY>` environment variables; the CLI applies its flags last.
public struct ServerConfiguration: Sendable, Equatable {
    public var server = Server()
    public var tls = TLS()
    public var live = Live()
    public var coaching = Coaching()
    public var voice = Voice()
    public var log = Log()
    public var iracing = IRacing()
    public var discord = Discord()
    public var listen = Listen()

    public init() {}

    /// `[server]`: where to listen and where files live.
    public struct Server: Sendable, Equatable {
        /// Loopback by default so a fresh install is not reachable from the network by accident.
        public var host = "127.0.0.1"
        /// 0 asks the OS for a free port (tests, side-by-side instances).
        public var port = 8080
        public var dataDirectory = "./data"
        public var referenceDirectory = "ReferenceLaps"
        /// Path of a plain WebSocket echo endpoint on the same stack (auth, upgrade, framing) as
        /// the live endpoint, for the load tool's baseline; empty (the default) means none.
        public var echoPath = ""
    }

    /// `[tls]`: HTTPS/WSS from PEM files.
    public struct TLS: Sendable, Equatable {
        public var enabled = false
        public var certificatePath = ""
        public var keyPath = ""
    }

    /// `[live]`: the live WebSocket endpoint.
    public struct Live: Sendable, Equatable {
        /// Largest client message after reassembly; 120 full frames (68 B) plus header fit in 8.2 KB
        /// binary and about 40 KB as JSON, so 64 KiB leaves room without inviting abuse.
        public var maxMessageBytes = 65_536
        /// Time a client has to send `hello` after the upgrade.
        public var helloTimeoutSeconds = 10.0
        /// How long a dropped session waits for its driver to resume it.
        public var resumeWindowSeconds = 120.0
        /// At most one `ack` per interval: every message costs about 20 µs of server CPU.
        public var ackIntervalMilliseconds = 250
        /// Frames buffered per driver between the socket and the coach; a power of two
        /// holding at least one full batch (120 frames). 256 frames are 4 s at 60 Hz and 24 KiB
        /// (every slot is written, so resident); a full ring only makes the socket wait.
        public var ringCapacity = 256
    }

    /// `[coaching]`: how the coach chooses references and paces deltas.
    public struct Coaching: Sendable, Equatable {
        public var deltaIntervalSeconds = 0.25
        public var allowOtherCarReference = false
        public var ownBestAsReference = true
    }

    /// `[voice]`: spoken cues (espeak-ng, Ogg Opus) for drivers who ask for them in `hello`.
    public struct Voice: Sendable, Equatable {
        public var enabled = true
        /// espeak-ng voice variant ("f2", "m3", ...); empty keeps each language's default voice.
        public var name = ""
        /// Words per minute (espeak-ng 80...450): a little brisker than its 175 default.
        public var rate = 185
        /// espeak-ng base pitch, 0...100.
        public var pitch = 50
        /// Opus bitrate, bits per second: speech is clear from about 16 kbit/s.
        public var bitrate = 24_000
        /// libopus complexity 0...10. 5 renders a new 2 s phrase within the 50 ms budget on this
        /// class of machine (10 takes about 50 % longer for little audible gain on speech at
        /// 24 kbit/s); see docs/performance.md.
        public var complexity = 5
        /// Bound on the clips held in memory.
        public var cacheBytes = 32 << 20
        /// Where clips are kept between runs; empty keeps them in memory only.
        public var diskCacheDirectory = ""
        /// Render the common approach cues at start-up (in the background).
        public var prerender = true
    }

    /// `[discord]`: the optional Discord bot. The token is never configured here: it comes
    /// from `TRAILBRAKE_DISCORD_TOKEN` or the file at `token_file`.
    public struct Discord: Sendable, Equatable {
        public var enabled = false
        /// The application id from the Developer Portal; empty learns it from the gateway.
        public var applicationID = ""
        public var restBaseURL = "https://discord.com/api/v10"
        /// Empty asks Discord (`GET /gateway/bot`); set only to test against a fake.
        public var gatewayURL = ""
        public var tokenFile = ""
        /// Live feed: at most one message per channel per interval.
        public var feedBatchSeconds = 5.0
        /// Cues below this severity (1 minor ... 3 major) are not posted.
        public var feedMinimumSeverity = 2
    }

    /// `[log]`
    public struct Log: Sendable, Equatable {
        /// One of trace, debug, info, notice, warning, error, critical.
        public var level = "info"
    }
}
