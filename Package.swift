// swift-tools-version:6.1
// Trailbrake: a self-hosted real-time coaching server for sim racers.
// Targets follow docs/architecture.md; arrows point from user to used and never back up.
import PackageDescription

/// Developers working on the pure parts can build a smaller graph:
/// `TRAILBRAKE_BUILD=core swift test` (Telemetry, Coaching) or `TRAILBRAKE_BUILD=storage`
/// (adds Storage). CI and the README commands always build everything.
enum BuildScope: Int { case core = 0, storage = 1, full = 2 }
let scope: BuildScope = switch Context.environment["TRAILBRAKE_BUILD"] {
case "core", "fuzz": .core
case "storage": .storage
default: .full
}
/// `TRAILBRAKE_BUILD=fuzz` (scripts/fuzz.sh, docs/fuzzing.md): the readers of outside input and
/// one libFuzzer executable per reader from `Fuzz/`, built with `--sanitize=fuzzer`. They are
/// never part of the normal build or of `swift test`.
let fuzzing = Context.environment["TRAILBRAKE_BUILD"] == "fuzz"

/// Package dependencies, each with the lowest build scope that needs it.
let allDependencies: [(BuildScope, Package.Dependency)] = [
    (.full, .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2")),
    (.core, .package(url: "https://github.com/apple/swift-atomics.git", from: "1.3.0")),
    (.core, .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2")),
    (.storage, .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2")),
    (.full, .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0")),
    (.storage, .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3")),
    (.full, .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1")),
    (.full, .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6")),
    (.full, .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0")),
    (.full, .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1")),
    (.full, .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1")),
    (.full, .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1")),
    (.storage, .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0")),
    (.full, .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0")),
    (.full, .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0")),
    (.full, .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0")),
    (.full, .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2")),
    // The live socket's own pipeline (CoachServer): HTTP types and their NIO codecs.
    (.full, .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0")),
    (.full, .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2")),
    // Test certificates with IP address SANs (ServerTestSupport); swift-certificates needs it anyway.
    (.full, .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4")),
    // The drivers' web pages (WebPages): logic-less templates, HTML-escaped by default.
    (.full, .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1")),
    // Traces (ServerTracing): the span API the parts use, and its OTLP exporter over HTTP only
    // (the OTLPHTTP trait: no gRPC in the graph).
    (.full, .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3")),
    (.full, .package(url: "https://github.com/swift-otel/swift-otel.git", from: "1.6.0", traits: ["OTLPHTTP"])),
]
let packageDependencies = allDependencies.filter { $0.0.rawValue <= scope.rawValue }.map(\.1)

let package = Package(
    name: "trailbrake",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "trailbrake", targets: ["trailbrake"]),
        .executable(name: "trailbrake-load", targets: ["trailbrake-load"]),
        .executable(name: "trailbrake-bench", targets: ["trailbrake-bench"]),
        .executable(name: "trailbrake-client", targets: ["trailbrake-client"]),
    ],
    dependencies: packageDependencies,
    targets: [
        // MARK: System libraries (Debian packages, found with pkg-config)
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Voice cues: text-to-speech, resampling, Opus encoding (full scope only).
        .systemLibrary(name: "CEspeakNG", pkgConfig: "espeak-ng", providers: [.apt(["libespeak-ng-dev"])]),
        .systemLibrary(name: "COpus", pkgConfig: "opus", providers: [.apt(["libopus-dev"])]),
        .systemLibrary(name: "COpusEnc", pkgConfig: "libopusenc", providers: [.apt(["libopusenc-dev"])]),
        .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
        // The live client: GT7's Salsa20 packet decryption.
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),

        // MARK: Pure parts: no network, no database
        // Yams parses the .ibt session-info YAML (pure Swift + vendored libyaml, no I/O).
        .target(name: "Telemetry", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "Coaching",
            dependencies: ["Telemetry"]
        ),
        // Laps synthesised on vehicle physics with injected mistakes: the coaching tests' ground
        // truth, the load tool's drivers and `trailbrake reference synthesize`; not the live path.
        .target(name: "LapSynthesis", dependencies: ["Telemetry", "Coaching"]),
        // The lock-free single-producer/single-consumer ring between a connection and its
        // session (only the server uses it; its thread-sanitizer tests run in the core build).
        .target(
            name: "FrameRing",
            dependencies: [.product(name: "Atomics", package: "swift-atomics")]
        ),

        // Reference-lap tooling: reading recorded laps from files, importing, listing, exporting.
        .target(name: "ReferenceTools", dependencies: ["Telemetry", "Coaching", "LapSynthesis"]),
        // The endurance planner: events, availability, entry limits, stints assigned (Foundation only).
        .target(name: "EndurancePlanner"),

        // The drivers' web pages: view models, Mustache templates, SVG charts, English and Turkish
        // strings, the pages' CSS and JS (embedded). Pure: values in, HTML out; CoachServer serves them.
        .target(
            name: "WebPages",
            dependencies: ["Telemetry", "Coaching", .product(name: "Mustache", package: "swift-mustache")],
            resources: [
                .embedInCode("Templates/layout.mustache"), .embedInCode("Templates/sessions.mustache"),
                .embedInCode("Templates/session.mustache"), .embedInCode("Templates/lap.mustache"),
                .embedInCode("Templates/notice.mustache"), .embedInCode("Templates/admin.mustache"),
                // The team event pages (EventPages.swift).
                .embedInCode("Templates/events.mustache"), .embedInCode("Templates/event.mustache"),
                .embedInCode("Templates/references.mustache"), .embedInCode("Templates/team.mustache"),
                .embedInCode("Templates/corners.mustache"), .embedInCode("Templates/cues.mustache"),
                .embedInCode("Assets/web.css"), .embedInCode("Assets/web.js"),
            ]
        ),

        // MARK: I/O parts
        .target(
            name: "Storage",
            dependencies: [
                "Telemetry",
                "Coaching",
                "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The values and protocols the live server, the iRacing poller and the Discord bot
        // exchange, so none of the three depends on another.
        // The team tools' sign-up check speaks the planner's licence types.
        .target(name: "Integration", dependencies: ["EndurancePlanner"]),
        .target(name: "Voice", dependencies: ["CEspeakNG", "COpus", "COpusEnc", "CSoxr"]),
        // The iRacing /data API client: OAuth, rate limits, the link/chunk fetches, typed models.
        .target(
            name: "IRacing",
            dependencies: [
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                // A client span per HTTP call (docs/operations.md, "Traces").
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),
        // Polls iRacing for tracked drivers' results and posts each once per guild (SQLite outbox).
        .target(
            name: "ResultsPoller",
            dependencies: [
                .product(name: "CoreMetrics", package: "swift-metrics"),
                "IRacing",
                "Integration",
                "Storage",
                // Members' licences mapped to the planner's (IRacingMemberLicenceSource).
                "EndurancePlanner",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // CoachServer's CueVoice seam on Voice: CoachServer itself never links espeak-ng.
        .target(
            name: "CoachVoice",
            dependencies: [
                "CoachServer", "Coaching", "Voice",
                // `ServerConfiguration.Voice`, the settings it is built from.
                "ServerSettings",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "CoachServer",
            dependencies: [
                .product(name: "CoreMetrics", package: "swift-metrics"),
                "Telemetry",
                "Coaching",
                "FrameRing",
                "Storage",
                "Integration",
                // Every part's settings (`ServerConfiguration`).
                "ServerSettings",
                // The drivers' web pages (DriverPages/ serves them, gzipped by Storage's `GzipEncoding`).
                "WebPages",
                // /references imports an uploaded lap file as `trailbrake reference import` does.
                "ReferenceTools",
                // /events reads stored plans and turns hours marked on a driver's clock into UTC.
                "EndurancePlanner",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // The live WebSocket on public API only (Server/LiveUpgradeChannel, Socket/).
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                // Spans per REST request, live batch and lap store, on an injected tracer.
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            // The listen page's hand-written style and scripts, compiled into the binary.
            resources: [
                .embedInCode("ListenPage/Assets/listen.css"), .embedInCode("ListenPage/Assets/listen.js"),
                .embedInCode("ListenPage/Assets/listen-audio.js"), .embedInCode("ListenPage/Assets/login.js"),
                // docs/openapi.yaml (through a link), served at /api/v1/openapi.yaml.
                .embedInCode("OpenAPI/openapi.yaml"),
            ]
        ),
        // The Discord bot: gateway and REST clients, slash commands, results and the live feed.
        .target(
            name: "Discord",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                "Integration",
                "Storage",
                "Voice",
                // Team tools (Team/): events, the entry check and the stint planner.
                "EndurancePlanner",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // Sign-in with Discord (SignIn/): the PKCE challenge is a SHA-256.
                .product(name: "Crypto", package: "swift-crypto"),
                // A client span per REST call.
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),

        // MARK: The live client (runs beside the sim)
        // The client end of protocol v1, shared by the live client and the load tool: a WebSocket
        // client on NIO (no SNI for IP literals), server URL and TLS trust, the batch ledger, the
        // server's replies and voice clips. Network only, no sim and no coaching logic.
        .target(
            name: "WireClient",
            dependencies: [
                "Telemetry",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Sims' own telemetry packets (GT7, Assetto Corsa, Forza) decoded into `TelemetryFrame`s,
        // and lap distance derived where a sim sends none. Pure: bytes in, frames out, no sockets.
        .target(name: "SimTelemetry", dependencies: ["Telemetry", "CSodium"]),
        // The client's logic: one source adapter per sim (UDP, iRacing's memory map, JSON lines),
        // the streamer (protocol v1 over WebSocket, resume and resend), status line, clip player.
        .target(
            name: "LiveClient",
            dependencies: [
                "Telemetry", "SimTelemetry", "WireClient",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),

        // Operations: the JSON-lines log handler and its secret redaction (`log.format = "json"`).
        .target(name: "ServerLogging", dependencies: [.product(name: "Logging", package: "swift-log")]),
        // Every part's settings (`ServerConfiguration`): the keys of config/trailbrake.toml, their
        // environment variables, defaults, bounds and checks, and the effective-settings report.
        // Not "Configuration": swift-configuration, in the graph through swift-otel, has that target.
        .target(
            name: "ServerSettings",
            dependencies: [
                // `[coaching]` maps onto the coach's own configuration types.
                "Coaching",
                // `config check` prints string values with the JSON log writer's escaping.
                "ServerLogging",
                // `live.ring_capacity` is sized from the protocol's batch limit (`FrameBatch`).
                "Telemetry",
            ]
        ),
        // Operations: `[tracing]`: the OTLP/HTTP span exporter (swift-otel) built from the settings, run
        // as a service; its failures logged once. The parts only see swift-distributed-tracing's `Tracer`.
        .target(
            name: "ServerTracing",
            dependencies: [
                // `ServerConfiguration.Tracing`, the settings it is built from.
                "CoachServer", "ServerSettings",
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: Executables
        .executableTarget(
            name: "trailbrake",
            dependencies: [
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                "CoachServer",
                "CoachVoice",
                // Loading and checking `ServerConfiguration`.
                "ServerSettings",
                "Storage",
                "Telemetry",
                "Coaching",
                "LapSynthesis",
                "ReferenceTools",
                "IRacing",
                "Integration",
                "ResultsPoller",
                "Discord",
                "ServerLogging",
                "ServerTracing",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LoadTesting",
            dependencies: [
                "Telemetry",
                "Coaching",
                "LapSynthesis",
                "WireClient",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "loadtest/LoadTesting"
        ),
        .executableTarget(
            name: "trailbrake-load",
            dependencies: [
                "LoadTesting",
                "Telemetry",
                "WireClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "loadtest/trailbrake-load"
        ),
        .executableTarget(
            name: "trailbrake-bench",
            dependencies: [
                "Telemetry",
                "LoadTesting",
                "Coaching",
                "LapSynthesis",
                "Storage",
                "Voice",
                "WebPages",
                "EndurancePlanner",
                // `BenchmarkLap`, the synthetic lap the tests store too.
                "TestSupport",
                // The coaching benchmark pushes through the live path's ring.
                "FrameRing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // `echo-floor-server`: the connection layer's floor, handlers only.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                // `memory --spool-directory`: the lap spool's logger.
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/trailbrake-bench"
        ),
        .executableTarget(
            name: "trailbrake-client",
            dependencies: [
                "LiveClient", "SimTelemetry", "Telemetry", "WireClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Tests
        .target(name: "TestSupport", dependencies: ["Telemetry", "Coaching", "LapSynthesis"], path: "Tests/TestSupport"),
        // Starting a real coaching server in a test; not in TestSupport, which the core build uses.
        .target(
            name: "ServerTestSupport",
            dependencies: [
                "CoachServer", "ServerSettings", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // LoadTestServer: the real server on SQLite, as `serve` wires it.
                "Storage", "Coaching",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            path: "Tests/ServerTestSupport"
        ),
        // The fake iRacing (OAuth, /data with links and rate limits, from ../shared/data), shared by
        // the iRacing tests and the Discord bot's league-numbers tests.
        .target(
            name: "IRacingFake",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                "IRacing", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            path: "Tests/IRacingFake"
        ),
        // A fake Discord OAuth2 server (authorize, token, users/@me) for "Sign in with Discord".
        .target(
            name: "DiscordOAuthFake",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/DiscordOAuthFake"
        ),
        .testTarget(name: "TelemetryTests", dependencies: ["Telemetry", "TestSupport"]),
        .testTarget(name: "CoachingTests", dependencies: ["Coaching", "LapSynthesis", "Telemetry", "TestSupport"]),
        .testTarget(name: "EndurancePlannerTests", dependencies: ["EndurancePlanner"]),
        .testTarget(name: "FrameRingTests", dependencies: ["FrameRing", "Coaching", "Telemetry"]),
        .testTarget(name: "ReferenceToolsTests", dependencies: ["ReferenceTools", "Coaching", "LapSynthesis", "Telemetry", "TestSupport"]),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "Telemetry", "Coaching", "LapSynthesis", "TestSupport",
                // Backups: the restored files opened and checked directly.
                .product(name: "GRDB", package: "GRDB.swift"),
                // The lap spool's logger.
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "VoiceTests", dependencies: ["Voice", "Coaching", "TestSupport"]),
        // Real GT7 laps as console packets, for the decoder, mapper and fake-console tests.
        .target(name: "SimTestSupport", dependencies: ["SimTelemetry", "TestSupport"], path: "Tests/SimTestSupport"),
        .testTarget(name: "SimTelemetryTests", dependencies: ["SimTelemetry", "Telemetry", "TestSupport", "SimTestSupport", "Coaching"]),
        .testTarget(
            name: "LiveClientTests",
            dependencies: [
                "LiveClient", "SimTelemetry", "Telemetry", "Coaching", "TestSupport", "ServerTestSupport", "CoachServer", "ServerSettings", "Storage",
                "WireClient", "ReferenceTools",
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                "SimTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "IRacingTests",
            dependencies: [
                "IRacing", "ResultsPoller", "Integration", "Storage", "TestSupport", "IRacingFake", "EndurancePlanner",
                // A client span per call, checked at a fake OTLP collector.
                "ServerTracing", "OTLPCollectorFake",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ]
        ),
        .testTarget(
            name: "LoadTests",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                "LoadTesting", "CoachServer", "ServerTestSupport", "Storage", "Telemetry", "Coaching", "LapSynthesis", "WireClient", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // Telemetry exports beside live coaching: the exporting clients.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // The backup under load reads the live and the restored databases.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "DiscordTests",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                "Discord", "Integration", "Storage", "Voice", "TestSupport",
                // Team tools: plans built directly in the planner's types.
                "EndurancePlanner",
                // A client span per REST call, checked at a fake OTLP collector.
                "ServerTracing", "OTLPCollectorFake",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // The sign-in client against the fake Discord OAuth server.
                "DiscordOAuthFake",
                // League numbers: the roster sync against the fake iRacing, through the real client.
                "IRacing", "ResultsPoller", "IRacingFake",
                // The end-to-end feed test: a real coaching server feeding the bot, driven by the load client.
                "CoachServer", "ServerSettings", "ServerTestSupport", "Coaching", "LapSynthesis", "Telemetry", "LoadTesting",
                // Exactly-once result posts: the real results poller publishing through the bot (above).
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        // The listen page in headless Chromium (DevTools over WebSocket), fed by the load tool's replay.
        .testTarget(
            name: "ListenPageBrowserTests",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                "CoachServer", "ServerSettings", "CoachVoice", "Voice", "Storage", "LoadTesting", "ServerTestSupport", "TestSupport", "Coaching", "Telemetry",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                // Sign in with Discord in the browser: the real OAuth client, the fake Discord.
                "Discord", "DiscordOAuthFake",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The web pages' pure parts: the trace simplifier, charts, strings and templates.
        .testTarget(name: "WebPagesTests", dependencies: ["WebPages", "Coaching", "Telemetry"]),
        // A fake OTLP/HTTP collector on loopback (protobuf and JSON payloads decoded), shared by the
        // tracing tests of the server, the iRacing client and the Discord bot.
        .target(
            name: "OTLPCollectorFake",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/OTLPCollectorFake"
        ),
        // Traces from a real running server to the fake collector: names, parents, sampling, failures.
        .testTarget(
            name: "ServerTracingTests",
            dependencies: [
                "ServerTracing", "OTLPCollectorFake", "CoachServer", "ServerSettings", "ServerTestSupport", "LoadTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
                // DrainTrace's spans across drains, on swift-distributed-tracing's in-memory tracer.
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ]
        ),
        // Operations: the JSON log lines, parsed back.
        .testTarget(name: "ServerLoggingTests", dependencies: ["ServerLogging", .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "CoachServerTests",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                "Voice",
                "CoachServer", "ServerSettings", "CoachVoice", "Storage", "Telemetry", "Coaching", "LapSynthesis", "TestSupport", "ServerTestSupport", "Integration",
                // Sign in with Discord end to end: the real OAuth client against the fake Discord.
                "Discord", "DiscordOAuthFake",
                // The team event pages' plans are the planner's values (`EventPagesTests`).
                "EndurancePlanner",
                // The real recordings coached live (`RealRecordingCoachingTests`) are read as the importer reads them.
                "ReferenceTools",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                // Raw sockets: the hostile-client suites (Tests/CoachServerTests/Hostile) and an
                // export client that never reads.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                // Live fault tests: a second connection holding the write lock, a full database.
                .product(name: "GRDB", package: "GRDB.swift"),
                // `serve` with tracing on (ServeTracingTests): a REST request, spans at a fake collector.
                "OTLPCollectorFake",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ]
)

// Trim the targets for the smaller build scopes (see `BuildScope`).
if scope != .full {
    let coreTargets: Set<String> = [
        "Telemetry", "Coaching", "LapSynthesis", "TestSupport", "TelemetryTests", "CoachingTests", "ReferenceTools", "ReferenceToolsTests",
        "EndurancePlanner", "EndurancePlannerTests",
        "FrameRing", "FrameRingTests",
    ]
    let storageTargets: Set<String> = ["Storage", "StorageTests", "CZlib"]
    let fuzzedTargets: Set<String> = [
        "Telemetry", "Coaching", "LapSynthesis", "ReferenceTools", "Voice", "CEspeakNG", "COpus", "COpusEnc", "CSoxr", "SimTelemetry", "CSodium",
    ]
    package.targets.removeAll { target in
        if fuzzing { return !fuzzedTargets.contains(target.name) }
        return !(coreTargets.contains(target.name) || (scope == .storage && storageTargets.contains(target.name)))
    }
    package.products.removeAll()
}

// MARK: Fuzz targets (TRAILBRAKE_BUILD=fuzz only)
// One executable per reader, each a single file whose `LLVMFuzzerTestOneInput` libFuzzer calls;
// libFuzzer brings `main` (docs/fuzzing.md). FuzzSupport: the seed writer they share.
if fuzzing {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("fuzz-binary-batch", ["Telemetry"]),
        ("fuzz-client-message", ["Telemetry"]),
        ("fuzz-voice-clip", ["Telemetry"]),
        ("fuzz-ibt", ["Telemetry", "Coaching", "ReferenceTools"]),
        ("fuzz-session-info", ["Telemetry"]),
        ("fuzz-lap-csv", ["Telemetry"]),
        ("fuzz-lap-export", ["Telemetry", "Coaching", "ReferenceTools"]),
        ("fuzz-track-geometry", ["Telemetry", "Coaching", "LapSynthesis"]),
        ("fuzz-reference-lap", ["Telemetry", "Coaching"]),
        ("fuzz-track-map", ["Telemetry", "Coaching"]),
        ("fuzz-ogg", ["Voice"]),
        ("fuzz-sim-telemetry", ["SimTelemetry", "Telemetry"]),
    ]
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["Telemetry", "Coaching", "LapSynthesis", "ReferenceTools"], path: "Fuzz/FuzzSupport"))
    for target in fuzzTargets {
        package.targets.append(.executableTarget(name: target.name, dependencies: target.dependencies + ["FuzzSupport"], path: "Fuzz/\(target.name)"))
    }
}
