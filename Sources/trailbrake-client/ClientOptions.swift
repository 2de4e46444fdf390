import ArgumentParser
import Foundation
import LiveClient

/// The options every source command shares: server, token, TLS, batching, buffer, voice
/// player and config file. A source command adds its own and calls `run(_:simName:)`:
///
///     @OptionGroup var client: ClientOptions
///     func run() async throws {
///         let config = try client.configFile()
///         let port = try port ?? config.table("gt7").integer("port") ?? 33740
///         try await client.run(GT7Source(...), simName: "Gran Turismo 7")
///     }
struct ClientOptions: ParsableArguments {
    @Option(help: "Server URL: wss://HOST:PORT for TLS (an IP address works), ws:// without; the live path is added.")
    var server: String?

    @Option(help: ArgumentHelp("File holding the driver token, readable by you only (chmod 600). Default: $TRAILBRAKE_TOKEN.", valueName: "file"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("PEM file of the CA (or self-signed certificate) to trust for wss://. Default: the system's roots.", valueName: "file"))
    var caFile: String?

    @Flag(help: "Do not verify the server's certificate (a test server only; prints a warning).")
    var insecure = false

    @Option(help: ArgumentHelp("Send a batch every this many milliseconds (default 100: 6 frames at 60 Hz).", valueName: "ms"))
    var batchMs: Int?

    @Option(help: ArgumentHelp("Frames kept while the server is away; when full the oldest are dropped (default 36000: 10 min).", valueName: "frames"))
    var bufferFrames: Int?

    @Option(help: ArgumentHelp("Play each voice clip with this command, given the clip (Ogg Opus) on stdin, e.g. \"ffplay -nodisp -autoexit -\".", valueName: "command"))
    var play: String?

    @Option(help: "Language of the cues: en or tr (default en).")
    var language: String?

    @Option(help: ArgumentHelp("Seconds without data from the sim before the status line says so (default 10).", valueName: "seconds"))
    var sourceTimeout: Double?

    @Option(help: ArgumentHelp("Longest wait between reconnect attempts (default 30).", valueName: "seconds"))
    var reconnectMax: Double?

    @Option(help: ArgumentHelp("After the sim stops (or Ctrl-C), how long the server may take to acknowledge what is buffered (default 30).", valueName: "seconds"))
    var drainTimeout: Double?

    @Flag(help: "Plain status lines even on a terminal (as when the output is a log).")
    var plain = false

    @Option(help: ArgumentHelp("TOML file with any of these options (and a table per source); flags win over it.", valueName: "file"))
    var config: String?

    /// The config file (empty without --config), read once per call. A table no source command
    /// owns (`[gt8]`) is refused.
    func configFile() throws -> ClientConfigFile {
        guard let config else { return .empty }
        do {
            let file = try ClientConfigFile.read(path: config)
            let sources = TrailbrakeClientCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
            try file.rejectUnknownTables(known: Set(sources))
            return file
        } catch {
            throw ValidationError(error.description)
        }
    }

    var flags: ClientFlags {
        var flags = ClientFlags()
        flags.server = server
        flags.tokenFile = tokenFile
        flags.caFile = caFile
        flags.insecure = insecure
        flags.batchMilliseconds = batchMs
        flags.bufferFrames = bufferFrames
        flags.play = play
        flags.language = language
        flags.sourceTimeoutSeconds = sourceTimeout
        flags.reconnectMaxSeconds = reconnectMax
        flags.drainTimeoutSeconds = drainTimeout
        flags.plain = plain
        return flags
    }

    /// Streams `source` until it ends (a replay) or Ctrl-C; exits non-zero when the server
    /// refuses the client for good or the settings are wrong.
    func run(_ source: some SimSource, simName: String) async throws {
        let resolved: ClientFlags.Resolved
        do {
            resolved = try flags.resolve(config: try configFile(), environment: ProcessInfo.processInfo.environment)
        } catch let error as ClientSettingsError {
            throw ValidationError(error.description)
        }
        #if os(Windows)
        // The console needs VT mode for in-place redraws; plain lines work everywhere.
        let terminal = false
        #else
        let terminal = !resolved.plain && isatty(STDOUT_FILENO) != 0
        #endif
        let display = StatusDisplay(mode: terminal ? .terminal : .plain) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if let warning = resolved.warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        let runner = ClientRunner(settings: resolved.settings, simName: simName, playCommand: resolved.playCommand, display: display)
        do {
            try await runner.run(source, handleSignals: true)
        } catch {
            FileHandle.standardError.write(Data("trailbrake-client: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
