/// Every key of `config/trailbrake.toml`, with its type and allowed range.
///
/// Ranges reject values that cannot work rather than values that are merely unusual.
extension ConfigurationKey {
    package static let all: [ConfigurationKey] = [
        .string("server", "host", \.server.host),
        .integer("server", "port", \.server.port, range: 0...65_535),
        .string("server", "data_dir", \.server.dataDirectory),
        .string("server", "reference_dir", \.server.referenceDirectory),
        .string("server", "echo_path", \.server.echoPath),

        .boolean("tls", "enabled", \.tls.enabled),
        .string("tls", "certificate_path", \.tls.certificatePath),
        .string("tls", "key_path", \.tls.keyPath),
        .float("tls", "close_notify_timeout_seconds", \.tls.closeNotifyTimeoutSeconds, range: 0.01...60),

        // A batch header alone is 20 bytes and a hello a few hundred: below 1 KiB nothing works.
        .integer("live", "max_message_bytes", \.live.maxMessageBytes, range: 1_024...16_777_216),
        .float("live", "hello_timeout_seconds", \.live.helloTimeoutSeconds, range: 0.01...3_600),
        .float("live", "resume_window_seconds", \.live.resumeWindowSeconds, range: 0...86_400),
        .integer("live", "ack_interval_ms", \.live.ackIntervalMilliseconds, range: 1...60_000),
        // One full batch (the protocol's 120 frames) must fit; power of two for the ring's masking.
        .integer(
            "live", "ring_capacity", \.live.ringCapacity, range: ServerConfiguration.Live.smallestRingCapacity...1_048_576,
            powerOfTwo: true),
        // Connection and session limits, timeouts, slow clients (docs/protocol.md, "Limits").
        .integer("live", "max_connections", \.live.maxConnections, range: 1...1_000_000),
        .integer("live", "max_connections_per_driver", \.live.maxConnectionsPerDriver, range: 1...10_000),
        .integer("live", "max_sessions", \.live.maxSessions, range: 1...1_000_000),
        .integer("live", "max_sessions_per_driver", \.live.maxSessionsPerDriver, range: 1...10_000),
        .float("live", "request_head_timeout_seconds", \.live.requestHeadTimeoutSeconds, range: 0.01...3_600),
        .float("live", "idle_timeout_seconds", \.live.idleTimeoutSeconds, range: 0.01...86_400),
        // The largest message the server sends (a lap report, a voice clip) must fit.
        .integer("live", "outbound_queue_bytes", \.live.outboundQueueBytes, range: 65_536...1 << 30),
        .float("live", "slow_client_seconds", \.live.slowClientSeconds, range: 0.01...3_600),
        .float("live", "shutdown_grace_seconds", \.live.shutdownGraceSeconds, range: 0...3_600),
        .float("live", "close_timeout_seconds", \.live.closeTimeoutSeconds, range: 0.01...3_600),
        .float("live", "ping_interval_seconds", \.live.pingIntervalSeconds, range: 0.1...3_600),

        .float("coaching", "delta_interval_seconds", \.coaching.deltaIntervalSeconds, range: 0.01...60),
        .boolean("coaching", "allow_other_car_reference", \.coaching.allowOtherCarReference),
        .boolean("coaching", "own_best_as_reference", \.coaching.ownBestAsReference),

        .boolean("voice", "enabled", \.voice.enabled),
        .string("voice", "name", \.voice.name),
        // espeak-ng's own ranges; Opus's bitrate range; libopus's complexity scale.
        .integer("voice", "rate", \.voice.rate, range: 80...450),
        .integer("voice", "pitch", \.voice.pitch, range: 0...100),
        .integer("voice", "bitrate", \.voice.bitrate, range: 6_000...510_000),
        .integer("voice", "complexity", \.voice.complexity, range: 0...10),
        // One clip is a few KB; below 64 KiB the cache would hold almost nothing.
        .integer("voice", "cache_bytes", \.voice.cacheBytes, range: 65_536...(1 << 34)),
        .string("voice", "disk_cache_dir", \.voice.diskCacheDirectory),
        .boolean("voice", "prerender", \.voice.prerender),
        .boolean("discord", "enabled", \.discord.enabled),
        .string("discord", "application_id", \.discord.applicationID),
        .string("discord", "rest_base_url", \.discord.restBaseURL),
        .string("discord", "gateway_url", \.discord.gatewayURL),
        .string("discord", "token_file", \.discord.tokenFile),
        // Discord allows about 5 messages per 5 s per channel: one batch a second at most.
        .float("discord", "feed_batch_seconds", \.discord.feedBatchSeconds, range: 1...3_600),
        .integer("discord", "feed_min_severity", \.discord.feedMinimumSeverity, range: 1...3),

        // Limits and storage faults (issue 13 items 2, 3, 7, 10).
        .integer("live", "max_laps_per_session", \.live.maxLapsPerSession, range: 1...10_000_000),
        .integer("live", "max_fragments_per_session", \.live.maxFragmentsPerSession, range: 1...10_000_000),
        .float("live", "batches_per_second", \.live.batchesPerSecond, range: 0.1...1_000_000),
        .integer("live", "batch_burst", \.live.batchBurst, range: 1...10_000_000),
        // The lap store refuses more than 1,000,000 frames; below 1,000 a slow corner would be cut.
        .integer("coaching", "max_lap_frames", \.coaching.maxLapFrames, range: 1_000...1_000_000),
        .float("coaching", "max_lap_seconds", \.coaching.maxLapSeconds, range: 60...604_800),
        .boolean("coaching", "spool_lap_in_progress", \.coaching.spoolLapInProgress),
        .integer("coaching", "lap_spool_max_mb", \.coaching.lapSpoolMaxMegabytes, range: 1...1_048_576),
        .integer("voice", "max_pending_renders", \.voice.maxPendingRenders, range: 1...1_000_000),
        .integer("voice", "max_pending_renders_per_driver", \.voice.maxPendingRendersPerDriver, range: 1...1_000_000),
        .integer("voice", "disk_cache_bytes", \.voice.diskCacheBytes, range: 1_048_576...(1 << 40)),
        .string("storage", "synchronous", \.storage.synchronous, allowed: ["normal", "full"]),
        .integer("storage", "busy_timeout_ms", \.storage.busyTimeoutMilliseconds, range: 0...600_000),
        .integer("storage", "lap_store_wait_ms", \.storage.lapStoreWaitMilliseconds, range: 0...600_000),
        .integer("storage", "max_pending_lap_writes_per_driver", \.storage.maxPendingLapWritesPerDriver, range: 1...10_000),
        .integer("storage", "max_laps_waiting_per_session", \.storage.maxLapsWaitingPerSession, range: 1...10_000),
        .integer("storage", "max_cue_records_waiting_per_session", \.storage.maxCueRecordsWaitingPerSession, range: 1...1_000_000),
        .integer("storage", "concurrent_lap_writes", \.storage.concurrentLapWrites, range: 1...64),
        .integer("storage", "pending_laps_memory_bytes", \.storage.pendingLapsMemoryBytes, range: 1_048_576...(1 << 40)),
        .float("storage", "retry_initial_seconds", \.storage.retryInitialSeconds, range: 0.001...3_600),
        .float("storage", "retry_max_seconds", \.storage.retryMaxSeconds, range: 0.001...86_400),
        // 0 keeps telemetry forever; 100 years is the longest anyone means.
        .integer("storage", "telemetry_retention_days", \.storage.telemetryRetentionDays, range: 0...36_500),

        .string("log", "level", \.log.level, allowed: ["trace", "debug", "info", "notice", "warning", "error", "critical"]),
    ] + iracing + league + team + access + listen + discordSignIn + admin + references + operations + tracing
}
