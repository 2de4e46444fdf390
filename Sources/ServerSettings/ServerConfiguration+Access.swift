extension ServerConfiguration {
    /// `[api]`: the REST API's bounds. Lists are paged; a telemetry export streams in chunks,
    /// decoded and encoded on one thread of its own (never the threads live sessions run on),
    /// and only a few run at once.
    public struct API: Sendable, Equatable {
        /// Items per page when a request names no `limit`.
        public var pageSize = 50
        /// Largest `limit` a request may ask for; above it the request gets 400 `invalid_parameter`.
        public var maxPageSize = 200
        /// Largest lap (frames) an export serves; above it 413 `export_too_large`. 200,000 frames
        /// is 55 minutes at 60 Hz, about 40 MB of JSON.
        public var exportMaxFrames = 200_000
        /// Exports streaming at once, server-wide; one more gets 503 `exports_busy`.
        public var maxConcurrentExports = 4
        /// Exports one driver may have streaming at once; one more gets 429 `too_many_exports`.
        public var maxExportsPerDriver = 2
        /// An export whose client takes no chunk for this long is ended (its connection closed),
        /// so clients that stop reading cannot hold the export slots.
        public var exportStallSeconds = 30.0
    }

    /// `[auth]`: bearer tokens.
    public struct Auth: Sendable, Equatable {
        /// How often the server checks that the tokens its live sessions were opened with still
        /// work (one query); a revoked or expired token's sessions are closed at the next check.
        public var tokenCheckSeconds = 5.0
    }

    /// Checks what one key's range cannot: the default page fits in the largest.
    package func validateAccess() throws {
        guard api.pageSize <= api.maxPageSize else {
            throw ConfigurationError.invalidValue(key: "api.page_size", reason: "must not exceed api.max_page_size (\(api.maxPageSize))")
        }
    }
}

extension ConfigurationKey {
    package static let access: [ConfigurationKey] = [
        .integer("api", "page_size", \.api.pageSize, range: 1...10_000),
        .integer("api", "max_page_size", \.api.maxPageSize, range: 1...10_000),
        // The telemetry codec refuses laps above 1,000,000 frames anyway.
        .integer("api", "export_max_frames", \.api.exportMaxFrames, range: 1...1_000_000),
        .integer("api", "max_concurrent_exports", \.api.maxConcurrentExports, range: 1...64),
        .integer("api", "max_exports_per_driver", \.api.maxExportsPerDriver, range: 1...64),
        // A chunk is about 130 KB: even a slow phone link takes it in well under a second.
        .float("api", "export_stall_seconds", \.api.exportStallSeconds, range: 1...3_600),
        // Under a second would be a query loop; over an hour leaves a revoked token working too long.
        .float("auth", "token_check_seconds", \.auth.tokenCheckSeconds, range: 1...3_600),
        // Discord returns at most 100 messages per history request; the check makes one.
        .integer("discord", "result_check_messages", \.discord.resultCheckMessages, range: 1...100),
    ]
}
