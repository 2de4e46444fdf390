/// Every key of `config/trailbrake.toml`, with its type and allowed range.
///
/// Ranges reject values that cannot work rather than values that are merely unusual.
extension ConfigurationKey {
    static let all: [ConfigurationKey] = [
        .string("server", "host", \.server.host),
        .integer("server", "port", \.server.port, range: 0...65_535),
        .string("server", "data_dir", \.server.dataDirectory),
        .string("server", "reference_dir", \.server.referenceDirectory),
        .string("server", "echo_path", \.server.echoPath),

        .boolean("tls", "enabled", \.tls.enabled),
        .string("tls", "certificate_path", \.tls.certificatePath),
        .string("tls", "key_path", \.tls.keyPath),

        // A batch header alone is 20 bytes and a hello a few hundred: below 1 KiB nothing works.
        .integer("live", "max_message_bytes", \.live.maxMessageBytes, range: 1_024...16_777_216),
        .float("live", "hello_timeout_seconds", \.live.helloTimeoutSeconds, range: 0.01...3_600),
        .float("live", "resume_window_seconds", \.live.resumeWindowSeconds, range: 0...86_400),
        .integer("live", "ack_interval_ms", \.live.ackIntervalMilliseconds, range: 1...60_000),
        // One full batch (120 frames) must fit; power of two for cheap index masking in the ring.
        .integer("live", "ring_capacity", \.live.ringCapacity, range: 128...1_048_576, powerOfTwo: true),

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

        .string("log", "level", \.log.level, allowed: ["trace", "debug", "info", "notice", "warning", "error", "critical"]),
    ] + iracing + listen
}
