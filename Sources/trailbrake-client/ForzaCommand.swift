import ArgumentParser
import LiveClient
import SimTelemetry

/// `trailbrake-client forza`: Forza Motorsport / Horizon "Data Out".
struct ForzaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forza",
        abstract: "Stream Forza Motorsport (7, 2023) or Forza Horizon (4, 5, 6) from its Data Out UDP packets.",
        discussion: """
            In the game's settings (FM 2023: Gameplay & HUD > UDP Race Telemetry; FM7: HUD; FH: HUD and Gameplay) turn \
            Data Out on, set Data Out IP Address to this computer's IP and Data Out IP Port to --port (default 5555; \
            FH6: not 5200-5300), and on FM7/FM 2023 the packet format to Dash. Allow that UDP port in this computer's \
            firewall. --track names the track (FM 2023 sends a track number otherwise). See docs/client.md.
            """)

    @OptionGroup var client: ClientOptions

    @Option(help: "Local UDP port set in the game's Data Out IP Port (default 5555).") var port: Int?
    @Option(help: ArgumentHelp("Take packets only from this address (the console or game PC).", valueName: "host")) var from: String?
    @Option(help: "Track name (Forza does not send it; FM 2023 sends a number).") var track: String?
    @Option(help: "Track configuration (layout), if any.") var trackConfig: String?
    @Option(help: ArgumentHelp("Track length in metres (default: your first lap's distance).", valueName: "metres"))
    var trackLength: Double?
    @Option(help: "Car name sent to the server (default: Forza's car ordinal).") var car: String?
    @Option(help: "Session type: practice, qualify, race ... (default practice).") var sessionType: String?
    @Option(help: ArgumentHelp("Packets held while the client is behind; the oldest go first (default 600: 10 s).", valueName: "packets"))
    var queueLimit: Int?

    func run() async throws {
        let table = try client.configFile().table("forza")
        do {
            try table.rejectUnknownKeys(known: ["port", "from", "track", "track_config", "track_length", "car", "session_type", "queue_limit"])
            let port = try port ?? table.integer("port") ?? 5555
            guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1...65535") }
            let length = try trackLength ?? table.number("track_length")
            if let length, !(length.isFinite && length > 0) { throw ValidationError("--track-length must be above 0 metres") }
            let queue = try queueLimit ?? table.integer("queue_limit") ?? 600
            guard (60...100_000).contains(queue) else { throw ValidationError("--queue-limit must be 60 ... 100000 packets") }
            let mapper = ForzaFrameMapper.Configuration(
                trackName: try track ?? table.string("track"), trackConfiguration: try trackConfig ?? table.string("track_config") ?? "",
                trackLength: length, car: try car ?? table.string("car"),
                sessionType: try sessionType ?? table.string("session_type") ?? "practice")
            let options = ForzaSource.Options(
                port: port, mapper: mapper, from: try from ?? table.string("from"),
                silenceTimeout: .milliseconds(Int((client.sourceTimeout ?? 10) * 1000)), queueLimit: queue)
            try await client.run(ForzaSource(options: options), simName: "Forza")
        } catch let error as ClientSettingsError {
            throw ValidationError(error.description)
        }
    }
}
