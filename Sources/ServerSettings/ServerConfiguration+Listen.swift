import Foundation

extension ServerConfiguration {
    /// `[listen]`: the listen page (`GET /listen`), its sign-in, and the read-only mirror socket
    /// `/api/v1/coaching/listen` (docs/protocol.md, "Listening").
    public struct Listen: Sendable, Equatable {
        /// The server as a browser reaches it, e.g. `https://coach.example:8443` or
        /// `http://192.168.1.20:8080`: the start of every login link, and an accepted `Origin`.
        /// Empty: `http(s)://server.host:server.port`.
        public var baseURL = ""
        /// A login link works once, within this many minutes of being made.
        public var loginLinkMinutes = 10.0
        /// How long a signed-in browser stays signed in.
        public var sessionDays = 30.0
        /// Browser sessions a driver keeps; signing in beyond it signs the oldest browser out.
        public var maxSessionsPerDriver = 10
        /// Listeners one driver may have at once (phone, second screen, an engineer...).
        public var maxListenersPerDriver = 4
        /// Bytes waiting for one listener, its socket's outbound queue (voice clips are about
        /// 6 KB each); deltas, then clips make room, and a cue or lap that does not fit closes it (4013).
        public var queueBytes = 524_288
        /// A listener whose socket takes nothing for this long is closed (4013) and cut.
        public var slowListenerSeconds = 5.0
        /// Further `Origin`s allowed to open the socket and post the page's forms, comma-separated
        /// (e.g. a second name of the server); the server's own origin is always allowed.
        public var allowedOrigins = ""
        /// Sessions on one page of `/sessions` (each costs one report read: docs/web.md).
        public var pagesSessionsPerPage = 20
        /// Laps a session page lists at most (read in pages of `api.max_page_size`).
        public var pagesMaxLapsListed = 1_000
    }

    /// Checks what a key's type and range cannot: the URLs' shape.
    package func validateListen() throws {
        if !listen.baseURL.isEmpty, WebOrigin(url: listen.baseURL) == nil {
            throw ConfigurationError.invalidValue(key: "listen.base_url", reason: "must be an http:// or https:// URL with a host")
        }
        if listen.allowedOriginList == nil {
            throw ConfigurationError.invalidValue(
                key: "listen.allowed_origins", reason: "must be comma-separated http:// or https:// origins")
        }
        if server.echoPath == EndpointPath.listen {
            throw ConfigurationError.invalidValue(key: "server.echo_path", reason: "must differ from the listen path")
        }
    }
}

extension ServerConfiguration.Listen {
    /// `allowed_origins` parsed; nil when one of them is not an origin.
    package var allowedOriginList: [WebOrigin]? {
        let entries = allowedOrigins.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let origins = entries.compactMap(WebOrigin.init(url:))
        return origins.count == entries.count ? origins : nil
    }
}

extension ConfigurationKey {
    package static let listen: [ConfigurationKey] = [
        .string("listen", "base_url", \.listen.baseURL),
        // Long enough to copy a link to a phone; a link is a credential, so never days.
        .float("listen", "login_link_minutes", \.listen.loginLinkMinutes, range: 1...1_440),
        .float("listen", "session_days", \.listen.sessionDays, range: 0.01...366),
        .integer("listen", "max_sessions_per_driver", \.listen.maxSessionsPerDriver, range: 1...1_000),
        .integer("listen", "max_listeners_per_driver", \.listen.maxListenersPerDriver, range: 1...64),
        // A lap report and a cue with its clip must fit, or every listener would be closed at once.
        .integer("listen", "queue_bytes", \.listen.queueBytes, range: 65_536...67_108_864),
        .float("listen", "slow_listener_seconds", \.listen.slowListenerSeconds, range: 0.5...600),
        .string("listen", "allowed_origins", \.listen.allowedOrigins),
        .integer("listen", "pages_sessions_per_page", \.listen.pagesSessionsPerPage, range: 1...200),
        .integer("listen", "pages_max_laps_listed", \.listen.pagesMaxLapsListed, range: 1...100_000),
    ]
}
