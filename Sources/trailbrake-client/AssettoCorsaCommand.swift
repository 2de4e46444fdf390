import ArgumentParser
import LiveClient
import SimTelemetry

/// `trailbrake-client ac`: Assetto Corsa's UDP remote telemetry.
struct AssettoCorsaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ac",
        abstract: "Stream Assetto Corsa from its UDP remote telemetry (port 9996 on the game PC).",
        discussion: """
            Nothing to enable in the game: start a session (on track) and run this beside it (--host 127.0.0.1, \
            the default) or on another computer (--host GAME-PC; allow UDP 9996 in the game PC's firewall). \
            Car, driver and track names come from the game. AC sends no track length: give --track-length, \
            or the first lap is measured and streaming starts after it. See docs/client.md.
            """)

    @OptionGroup var client: ClientOptions

    @Option(help: ArgumentHelp("The PC running Assetto Corsa (default 127.0.0.1).", valueName: "host")) var host: String?
    @Option(help: ArgumentHelp("Track length in metres (default: measured over your first lap).", valueName: "metres"))
    var trackLength: Double?
    @Option(help: "Session type: practice, qualify, race ... (default practice).") var sessionType: String?
    @Option(help: ArgumentHelp("Seconds without car updates before the handshake and subscription are sent again (default 1).", valueName: "seconds"))
    var resubscribeAfter: Double?
    @Option(help: ArgumentHelp("Updates held while the client is behind; the oldest go first (default 2000: several seconds at AC's rate).", valueName: "updates"))
    var queueLimit: Int?

    func run() async throws {
        let table = try client.configFile().table("ac")
        do {
            try table.rejectUnknownKeys(known: ["host", "track_length", "session_type", "resubscribe_after", "queue_limit"])
            let length = try trackLength ?? table.number("track_length")
            if let length, !(length.isFinite && length > 0) { throw ValidationError("--track-length must be above 0 metres") }
            let resubscribe = try resubscribeAfter ?? table.number("resubscribe_after") ?? 1
            guard resubscribe.isFinite, resubscribe >= 0.1, resubscribe <= 60 else { throw ValidationError("--resubscribe-after must be 0.1 ... 60 seconds") }
            let queue = try queueLimit ?? table.integer("queue_limit") ?? 2_000
            guard (60...100_000).contains(queue) else { throw ValidationError("--queue-limit must be 60 ... 100000 updates") }
            let mapper = ACFrameMapper.Configuration(trackLength: length, sessionType: try sessionType ?? table.string("session_type") ?? "practice")
            let options = AssettoCorsaSource.Options(
                host: try host ?? table.string("host") ?? "127.0.0.1", mapper: mapper,
                resubscribeAfter: .milliseconds(Int(resubscribe * 1000)),
                silenceTimeout: .milliseconds(Int((client.sourceTimeout ?? 10) * 1000)), queueLimit: queue)
            try await client.run(AssettoCorsaSource(options: options), simName: "Assetto Corsa")
        } catch let error as ClientSettingsError {
            throw ValidationError(error.description)
        }
    }
}
