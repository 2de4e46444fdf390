extension ServerConfiguration {
    /// `[iracing]`: the results poller. Credentials are never here: they come from the
    /// environment or `secrets_file` (docs/iracing.md).
    public struct IRacing: Sendable, Equatable {
        public var enabled = false
        public var dataAPIURL = "https://members-ng.iracing.com"
        public var oauthURL = "https://oauth.iracing.com"
        public var pollIntervalSeconds = 300.0
        /// `NAME=value` file with IRACING_CLIENT_ID, _CLIENT_SECRET, _USERNAME, _PASSWORD; empty:
        /// the environment only.
        public var secretsFile = ""
        /// Where the current single-use refresh token is kept; empty: `<data_dir>/iracing-refresh-token.json`.
        public var tokenFile = ""
        /// Requests in flight at once (iRacing asks clients to stay modest).
        public var maxInFlight = 4
        /// Keep each tracked driver's laps of new results (reference-lap candidates).
        public var storeLapData = true
    }
}

extension ConfigurationKey {
    package static let iracing: [ConfigurationKey] = [
        .boolean("iracing", "enabled", \.iracing.enabled),
        .string("iracing", "data_api_url", \.iracing.dataAPIURL),
        .string("iracing", "oauth_url", \.iracing.oauthURL),
        // Each cycle costs one rate-limit unit per tracked member: faster than 30 s only burns budget.
        .float("iracing", "poll_interval_seconds", \.iracing.pollIntervalSeconds, range: 30...86_400),
        .string("iracing", "secrets_file", \.iracing.secretsFile),
        .string("iracing", "token_file", \.iracing.tokenFile),
        .integer("iracing", "max_in_flight", \.iracing.maxInFlight, range: 1...8),
        .boolean("iracing", "store_lap_data", \.iracing.storeLapData),
    ]
}
