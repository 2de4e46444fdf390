import ArgumentParser
import LiveClient
import SimTelemetry

/// `trailbrake-client ac`: Assetto Corsa's UDP remote telemetry.
struct AssettoCorsaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ac",
        abstract: "Stream Assetto Corsa from its UDP remote telemetry (port 9996 on the game PC).",
        discussion: """
            Nothing to enable in the game: start a session (on track) and run this beside it (--host 127.0.0.1,
            the default) or on another computer (--host GAME-PC; allow UDP 9996 in the game PC's firewall).
            Car, driver and track names come from the game. AC sends no track length: give --track-length,
            or the first lap is measured and streaming starts after it. See docs/client.md.
            """)

    @OptionGroup var client: ClientOptions

    @Option(help: ArgumentHelp("The PC running Assetto Corsa (default 127.0.0.1).", valueName: "host")) var host: String?
    @Option(help: ArgumentHelp("Track length in metres (default: measured over your first lap).", valueName: "metres"))
    var trackLength: Double?
    @Option(help: "Session type: practice, qualify, race ... (default practice).") var sessionType: String?

    func run() async throws {
        let table = try client.configFile().table("ac")
        do {
            try table.rejectUnknownKeys(known: ["host", "track_length", "session_type"])
            let length = try trackLength ?? table.number("track_length")
            if let length, !(length.isFinite && length > 0) { throw ValidationError("--track-length must be above 0 metres") }
            let mapper = ACFrameMapper.Configuration(trackLength: length, sessionType: try sessionType ?? table.string("session_type") ?? "practice")
            let options = AssettoCorsaSource.Options(
                host: try host ?? table.string("host") ?? "127.0.0.1", mapper: mapper,
                silenceTimeout: .milliseconds(Int((client.sourceTimeout ?? 10) * 1000)))
            try await client.run(AssettoCorsaSource(options: options), simName: "Assetto Corsa")
        } catch let error as ClientSettingsError {
            throw ValidationError(error.description)
        }
    }
}
