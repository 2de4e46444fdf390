import ArgumentParser
import Foundation
import LiveClient
import SimTelemetry

/// `trailbrake-client gt7`: Gran Turismo 7 on a PS4/PS5 anywhere on the LAN.
struct GT7Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gt7",
        abstract: "Stream Gran Turismo 7 (PS4/PS5) from the console's telemetry over the LAN.",
        discussion: """
            Nothing to enable in the game: give the console's IP (PS5: Settings > Network > Connection Status). \
            The client sends heartbeats to the console's UDP port 33739 and receives on UDP 33740: allow that \
            port in this computer's firewall. GT7 sends no track or lap distance, so --track names the track; \
            lap distance comes from a track path (--track-path, one stored by an earlier session, or recorded \
            from your first clean lap). Without --track-length or a path, streaming starts after that lap.

            Example: trailbrake-client gt7 --console 192.168.1.20 --track "Brands Hatch" --track-config Indy --server wss://coach.example:8443

            See docs/client.md.
            """)

    @OptionGroup var client: ClientOptions

    @Option(help: ArgumentHelp("The console's IP address or host name.", valueName: "host")) var console: String?
    @Option(help: "Track name (GT7 does not send it).") var track: String?
    @Option(help: "Track configuration (layout), e.g. Indy.") var trackConfig: String?
    @Option(help: ArgumentHelp("Track length in metres; default: the track path's, or your first lap's.", valueName: "metres"))
    var trackLength: Double?
    @Option(help: ArgumentHelp("A track-path file (trailbrake-track-path JSON) to take lap distance from.", valueName: "file"))
    var trackPath: String?
    @Option(help: ArgumentHelp("Where recorded track paths are stored and looked for (default ~/.local/share/trailbrake-client/track-paths).", valueName: "dir"))
    var pathDir: String?
    @Option(help: "Car name sent to the server (default: GT7's car code).") var car: String?
    @Option(help: "Session type: practice, qualify, race ... (default practice).") var sessionType: String?
    @Option(help: "Packets to ask for: A, B (default: adds the steering wheel), ~ or C.") var packets: String?
    @Option(help: "Local UDP port the console sends to (default 33740).") var port: Int?
    @Option(help: ArgumentHelp("Seconds between heartbeats while packets flow (default 1; the console's own limit is unknown, sources use 1.6-10).", valueName: "seconds"))
    var heartbeatInterval: Double?
    @Option(help: ArgumentHelp("Packets held while the client is behind; the oldest go first and count as lost (default 600: 10 s).", valueName: "packets"))
    var queueLimit: Int?

    func run() async throws {
        let table = try client.configFile().table("gt7")
        do {
            try table.rejectUnknownKeys(known: [
                "console", "track", "track_config", "track_length", "track_path", "path_dir", "car", "session_type", "packets", "port",
                "heartbeat_interval", "queue_limit",
            ])
            guard let console = try console ?? table.string("console") else { throw ValidationError("--console HOST is required: the PlayStation's IP address") }
            guard let track = try track ?? table.string("track") else { throw ValidationError("--track NAME is required: GT7 does not send the track") }
            let length = try trackLength ?? table.number("track_length")
            if let length, !(length.isFinite && length > 0) { throw ValidationError("--track-length must be above 0 metres") }
            let letter = try packets ?? table.string("packets") ?? "B"
            guard let variant = GT7PacketVariant(letter: letter) else { throw ValidationError("--packets must be A, B, ~ or C") }
            let port = try port ?? table.integer("port") ?? 33740
            guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1...65535") }
            let heartbeat = try heartbeatInterval ?? table.number("heartbeat_interval") ?? 1
            guard heartbeat.isFinite, heartbeat >= 0.1, heartbeat <= 10 else { throw ValidationError("--heartbeat-interval must be 0.1 ... 10 seconds") }
            let queue = try queueLimit ?? table.integer("queue_limit") ?? 600
            guard (60...100_000).contains(queue) else { throw ValidationError("--queue-limit must be 60 ... 100000 packets") }
            var session = GT7SessionConfiguration(
                trackName: track, trackConfiguration: try trackConfig ?? table.string("track_config") ?? "", trackLength: length,
                car: try car ?? table.string("car"), sessionType: try sessionType ?? table.string("session_type") ?? "practice")
            if let file = try trackPath ?? table.string("track_path") {
                do {
                    let stored = try TrackPathFile.read(URL(fileURLWithPath: file))
                    session.path = stored.path
                    session.trackLength = session.trackLength ?? stored.track.length
                } catch {
                    throw ValidationError("--track-path \(file): \(error)")
                }
            }
            let directory = try pathDir ?? table.string("path_dir")
            let options = GT7SourceOptions(
                console: console, session: session, bindPort: port, variant: variant,
                heartbeatInterval: .milliseconds(Int(heartbeat * 1000)),
                silenceTimeout: .milliseconds(Int((client.sourceTimeout ?? 10) * 1000)), queueLimit: queue,
                pathDirectory: directory.map { URL(fileURLWithPath: $0) } ?? Self.defaultPathDirectory)
            try await client.run(GT7Source(options: options), simName: "Gran Turismo 7")
        } catch let error as ClientSettingsError {
            throw ValidationError(error.description)
        }
    }

    static var defaultPathDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_DATA_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share")
        return base.appendingPathComponent("trailbrake-client/track-paths")
    }
}
