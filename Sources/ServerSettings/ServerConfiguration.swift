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
    public var storage = Persistence()
    public var log = Log()
    public var iracing = IRacing()
    public var discord = Discord()
    // Access: REST bounds and token checks (ServerConfiguration+Access.swift).
    public var api = API()
    public var auth = Auth()
    // League car numbers in Discord (ServerConfiguration+League.swift).
    public var league = League()
    public var team = Team()
    public var listen = Listen()
    // Sign-in with Discord on the web pages (ServerConfiguration+DiscordSignIn.swift).
    public var discordSignIn = DiscordSignIn()
    // Who may open /admin (ServerConfiguration+Admin.swift).
    public var admin = Admin()
    // The /references upload (ServerConfiguration+References.swift).
    public var references = References()
    // OpenTelemetry spans (ServerConfiguration+Tracing.swift).
    public var tracing = Tracing()

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
        /// How long closing a TLS connection waits for the client's close_notify.
        public var closeNotifyTimeoutSeconds = 2.0
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
        /// Frames buffered per driver between the socket and the coach, rounded up to a power of
        /// two (`defaultRingCapacity`): the connection drains its session whenever the ring is
        /// full and after every batch, so a batch larger than the ring loses no frame.
        public var ringCapacity = Live.defaultRingCapacity

        // Limits on sockets and sessions (docs/protocol.md, "Limits"): every one has an edge test.
        /// Open WebSocket connections in total (live, echo); beyond it an upgrade gets 503 `server_busy`.
        public var maxConnections = 5_000
        /// Open WebSocket connections of one driver; beyond it an upgrade gets 429 `too_many_connections`.
        public var maxConnectionsPerDriver = 8
        /// Sessions held in total, attached or waiting for a resume; beyond it `hello` gets `server_busy`.
        public var maxSessions = 10_000
        /// Sessions of one driver; a new one first ends the driver's oldest detached session, and
        /// is refused (`too_many_sessions`) when all of them are attached.
        public var maxSessionsPerDriver = 4
        /// Time from accepting a connection to a complete request head, and between two requests
        /// on a kept-alive connection: a client that trickles its headers is closed after it.
        public var requestHeadTimeoutSeconds = 10.0
        /// No message from the client for this long after `hello`: `idle_timeout`, close 1008;
        /// the session stays resumable.
        public var idleTimeoutSeconds = 60.0
        /// Messages waiting for a client that reads slower than the server writes; when full,
        /// deltas are dropped first, then voice clips; a cue, lap, ack or error that does not fit
        /// closes the connection (`slow_consumer`).
        public var outboundQueueBytes = 131_072
        /// A client whose socket accepts nothing for this long is closed (`slow_consumer`).
        public var slowClientSeconds = 10.0
        /// At shutdown, each socket is closed (1001) once its session's partial lap is stored, and
        /// at the latest after this long, even when its client never reads.
        public var shutdownGraceSeconds = 5.0
        /// How long the server waits for the client's close frame after sending its own.
        public var closeTimeoutSeconds = 15.0
        /// A ping every this many seconds; a client that has not answered the previous one by then
        /// is closed (1001).
        public var pingIntervalSeconds = 30.0

        // Limits on what one session or driver can make the server do (docs/protocol.md, "Limits").
        /// Laps stored per session. 5,000 is 24 h of 17 s laps: more than any real session (an
        /// 8 h practice on a 15 s oval is 1,900; a 24 h race at Daytona about 860).
        public var maxLapsPerSession = 5_000
        /// Fragments (laps dropped by `LapFragmentRule`) per session: each reset or tow leaves one
        /// or two; 1,000 is a reset every 90 s for 24 h.
        public var maxFragmentsPerSession = 1_000
        /// Sustained batches per second per driver (all their connections). A client at 60 Hz in
        /// 100 ms batches sends 10; one sending every frame alone, 60.
        public var batchesPerSecond = 60.0
        /// Batches a driver may send at once above the sustained rate: a resuming client resends
        /// what was not acknowledged, up to the resume window's 120 s at 10 batches a second
        /// (1,200) plus the batches in flight when the connection dropped; 1,500 leaves room.
        public var batchBurst = 1_500
    }

    /// `[coaching]`: how the coach chooses references and paces deltas.
    public struct Coaching: Sendable, Equatable {
        public var deltaIntervalSeconds = 0.25
        public var allowOtherCarReference = false
        public var ownBestAsReference = true
        /// The lap in progress is cut past these (`LapTrackingConfiguration`, where the defaults
        /// are justified: 2.3 h of 60 Hz frames, 2 h of session time).
        public var maxLapFrames = 500_000
        public var maxLapSeconds = 7_200.0
        /// Keep the packed lap in progress (its frames, its live grid) in one unnamed file under
        /// `<data_dir>/live-laps`, not in memory (docs/performance.md, "The lap in progress
        /// spooled to disk"); ignored for an in-memory database.
        public var spoolLapInProgress = true
        /// The spool file's bound: about 100 KB a driver late in a lap, so 1 GiB holds 10,000;
        /// past it, laps keep their chunks in memory.
        public var lapSpoolMaxMegabytes = 1_024
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
        /// Renders waiting, in total and per driver. Feedback numbers come from the client, so
        /// one driver can ask for endless distinct phrases; beyond these a cue goes out as text.
        /// A render takes 35-150 ms: 256 is 10-40 s of work, 16 per driver a lap's worth of cues.
        public var maxPendingRenders = 256
        public var maxPendingRendersPerDriver = 16
        /// Bound on the disk cache (`disk_cache_dir`); least recently used clips are deleted past it.
        public var diskCacheBytes = 256 << 20
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
        /// Messages read back (one request) to find a result post whose earlier attempt may have
        /// landed after Discord forgot its nonce.
        public var resultCheckMessages = 100
    }

    /// `[storage]`: the SQLite database and how laps that fail to store are kept (docs/storage.md).
    public struct Persistence: Sendable, Equatable {
        /// "normal" or "full": SQLite's `synchronous` in WAL mode (what survives a power loss).
        public var synchronous = "normal"
        /// How long a write waits for a lock held by another connection or process.
        public var busyTimeoutMilliseconds = 5_000
        /// How long a session waits for its lap's commit before it reports the lap `stored: false`
        /// and goes on coaching. A lap commits in about 4 ms (60 ms at p99 on a loaded machine,
        /// docs/storage.md): past 2 s the database is in trouble; coaching resumes within a corner.
        public var lapStoreWaitMilliseconds = 2_000
        /// Laps of one driver queued or being written at once; past it the driver's next lap waits
        /// in its session's line of reports (coaching goes on).
        public var maxPendingLapWritesPerDriver = 4
        /// Laps of one session waiting to be stored and reported, off the drain; past it a lap is
        /// not stored (`internal` error, `trailbrake_laps_lost_total`) rather than waited for.
        /// Laps come every 15 s at the fastest: 8 waiting means the database is minutes behind.
        public var maxLapsWaitingPerSession = 8
        /// Cues of one session waiting for their record (written off the live path, one batch at
        /// a time); past it new cues are not recorded (`trailbrake_cue_records_skipped_total`).
        /// A session says a few cues a lap: 1,000 waiting means the database is stuck.
        public var maxCueRecordsWaitingPerSession = 1_000
        /// Laps written at once (encoding overlaps the single writer's commits).
        public var concurrentLapWrites = 2
        /// Memory for laps waiting to be retried after a failed store; beyond it they go to files
        /// in `<data_dir>/pending-laps` (as they do at shutdown). 64 MiB is about 150 laps of 5,000 frames.
        public var pendingLapsMemoryBytes = 64 << 20
        /// Backoff between retries of a failed store: doubles from the first to the last.
        public var retryInitialSeconds = 1.0
        public var retryMaxSeconds = 60.0
        /// Laps' frames older than this many days are deleted (their times, corners and braking
        /// zones are kept), at start-up and then daily; 0 keeps them forever.
        public var telemetryRetentionDays = 0
    }

    /// `[log]`
    public struct Log: Sendable, Equatable {
        /// One of trace, debug, info, notice, warning, error, critical.
        public var level = "info"
        /// "text" (one plain line per event, for a terminal) or "json" (one JSON object per line,
        /// for a log collector; docs/operations.md).
        public var format = "text"
    }
}
