import Foundation

/// The machine-readable result of a run (`--report FILE`); its schema is documented in
/// docs/performance.md ("Load tool report"). Keys are snake_case; latencies are milliseconds.
public struct LoadReport: Codable, Sendable, Equatable {
    /// Bumped when a field changes meaning or goes away (new fields do not bump it).
    public var schemaVersion = 1
    public var target: LoadOptions.Target
    public var drivers: Int
    /// Wall time of the whole run, ramp-up included, seconds.
    public var durationSeconds: Double
    /// Seconds after ramp-up that the rates are measured over.
    public var measuredSeconds: Double
    public var batchFrames: Int
    public var format: String
    /// `real_time` or `as_fast_as_possible`.
    public var pacing: String
    /// Batch sent -> cue naming it arrived (the echo target: batch sent -> its echo arrived).
    public var cueLatencyMs: Percentiles
    /// Batch sent -> the (coalesced) ack covering it arrived; includes up to `live.ack_interval_ms`.
    public var ackRttMs: Percentiles
    /// Client -> server (`sent`) and server -> client (`received`), per second after ramp-up.
    public var messagesPerSecond: Rates
    public var framesPerSecond: Rates
    public var totals: Totals
    /// Protocol error codes received (and the tool's own `unreadable_reply`), with counts.
    public var errors: [String: Int]
    public var reconnects: Int
    public var memory: Memory?

    public struct Percentiles: Codable, Sendable, Equatable {
        public var count: Int
        public var p50: Double
        public var p90: Double
        public var p99: Double
        public var p999: Double
        public var max: Double
    }

    public struct Rates: Codable, Sendable, Equatable {
        public var sent: Double
        public var received: Double
    }

    public struct Totals: Codable, Sendable, Equatable {
        public var messagesSent: Int
        public var messagesReceived: Int
        /// Distinct frames sent (a frame resent after a reconnect counts once).
        public var framesSent: Int
        public var framesResent: Int
        public var cues: Int
        public var acks: Int
        public var laps: Int
        public var clips: Int
        public var resumesRejected: Int
        public var connectFailures: Int
    }

    /// The server's resident memory before the drivers connected and with all of them connected.
    public struct Memory: Codable, Sendable, Equatable {
        /// `metrics` (the server's `/metrics`) or `proc` (`/proc/PID/status` of a local server).
        public var source: String
        public var residentBytesBefore: Int
        public var residentBytesLoaded: Int
        /// (loaded - before) / drivers.
        public var bytesPerDriver: Double
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> LoadReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(LoadReport.self, from: data)
    }
}
