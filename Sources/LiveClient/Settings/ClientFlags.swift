import Foundation
import WireClient

/// The shared options of every source command, as given on the command line (nil: not given).
/// `resolve` merges them with the config file (flags win) and the environment into settings.
public struct ClientFlags: Sendable, Equatable {
    public var server: String?
    public var tokenFile: String?
    public var caFile: String?
    public var insecure = false
    public var batchMilliseconds: Int?
    public var bufferFrames: Int?
    public var play: String?
    public var language: String?
    public var sourceTimeoutSeconds: Double?
    public var reconnectMaxSeconds: Double?
    public var drainTimeoutSeconds: Double?
    public var plain = false

    public init() {}

    /// The config file's top-level keys, one per flag.
    public static let configKeys: Set<String> = [
        "server", "token_file", "ca_file", "insecure", "batch_ms", "buffer_frames", "play", "language",
        "source_timeout", "reconnect_max", "drain_timeout", "plain",
    ]

    /// What a command needs to run.
    public struct Resolved: Sendable {
        public var settings: StreamerSettings
        public var playCommand: String?
        public var plain: Bool
        /// Print this before connecting (`--insecure`).
        public var warning: String?
    }

    public func resolve(config: ClientConfigFile, environment: [String: String]) throws(ClientSettingsError) -> Resolved {
        // `??` with a throwing right side throws untyped errors; every one here is a ClientSettingsError.
        do {
            return try merge(config: config, environment: environment)
        } catch let error as ClientSettingsError {
            throw error
        } catch {
            throw ClientSettingsError(.invalidOption, "\(error)")
        }
    }

    private func merge(config: ClientConfigFile, environment: [String: String]) throws -> Resolved {
        let file = config.top
        try file.rejectUnknownKeys(known: Self.configKeys)
        guard let server = try server ?? file.string("server") else {
            throw ClientSettingsError(.invalidOption, "give --server wss://HOST:PORT (or server = \"...\" in the config file)")
        }
        let endpoint: ServerEndpoint
        do { endpoint = try ServerEndpoint(parsing: server) } catch {
            throw ClientSettingsError(.invalidOption, error.description)
        }
        let token = try DriverToken.resolve(file: try tokenFile ?? file.string("token_file"), environment: environment)
        let insecure = try insecure || (file.boolean("insecure") ?? false)
        let caFile = try caFile ?? file.string("ca_file")
        var settings = StreamerSettings(endpoint: endpoint, token: token)
        var warning: String?
        if endpoint.secure {
            let trust: ServerTrust = insecure ? .noVerification : caFile.map { .certificateFile(path: $0) } ?? .systemRoots
            do { settings.tls = try trust.tlsConfiguration() } catch {
                throw ClientSettingsError(.invalidOption, error.description)
            }
            if insecure { warning = ServerTrust.insecureWarning }
        } else if insecure || caFile != nil {
            warning = "note: --insecure and --ca-file apply to wss:// only; \(endpoint) is not encrypted"
        }
        if let milliseconds = try batchMilliseconds ?? file.integer("batch_ms") {
            guard (1...2_000).contains(milliseconds) else { throw ClientSettingsError(.invalidOption, "--batch-ms must be 1...2000") }
            settings.batchInterval = .milliseconds(milliseconds)
            settings.framesPerBatch = max(1, min(120, Int((Double(milliseconds) * Self.frameRate / 1000).rounded())))
        }
        if let frames = try bufferFrames ?? file.integer("buffer_frames") { settings.bufferFrames = frames }
        if let language = try language ?? file.string("language") { settings.language = language }
        if let seconds = try sourceTimeoutSeconds ?? file.number("source_timeout") {
            guard seconds.isFinite, seconds > 0, seconds <= 3_600 else {
                throw ClientSettingsError(.invalidOption, "--source-timeout must be 0 ... 3600 seconds")
            }
            settings.sourceSilence = .milliseconds(Int(seconds * 1000))
        }
        if let seconds = try reconnectMaxSeconds ?? file.number("reconnect_max") {
            guard seconds.isFinite, seconds >= 0.5, seconds <= 3_600 else {
                throw ClientSettingsError(.invalidOption, "--reconnect-max must be 0.5 ... 3600 seconds")
            }
            settings.reconnectDelays = settings.reconnectDelays.lowerBound...(.milliseconds(Int(seconds * 1000)))
        }
        if let seconds = try drainTimeoutSeconds ?? file.number("drain_timeout") {
            guard seconds.isFinite, seconds >= 0, seconds <= 3_600 else {
                throw ClientSettingsError(.invalidOption, "--drain-timeout must be 0 ... 3600 seconds")
            }
            settings.drainTimeout = .milliseconds(Int(seconds * 1000))
        }
        let play = try play ?? file.string("play")
        if let play, play.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ClientSettingsError(.invalidOption, "--play needs a command, e.g. \"ffplay -nodisp -autoexit -\"")
        }
        settings.voice = play != nil
        try settings.validate()
        return Resolved(settings: settings, playCommand: play, plain: try plain || (file.boolean("plain") ?? false), warning: warning)
    }

    /// Sims send 60 frames a second: the batch size follows from the interval.
    public static let frameRate = 60.0
}
