import ArgumentParser
import Foundation
import LiveClient
import Telemetry

/// `trailbrake-client jsonl`: frames as JSON lines from any tool that already reads a sim.
struct JSONLinesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jsonl",
        abstract: "Stream frames given as JSON lines (one frame object per line, the protocol's JSON frame shape).",
        discussion: """
            The session comes from --track/--track-length/--car (or [jsonl] in the config file), or from a line
            {"type":"session","sim":"rf2","track":{"name":"Spa","config":"GP","length":7004},"car":"GT3","session":"practice"}
            which may also change it later. Every other line is one frame:
            {"t":12.5,"lap":3,"dist":812.4,"speed":55.1,"throttle":1,"brake":0,"gear":4}
            Unreadable lines are skipped and reported. See docs/client.md.
            """)

    @OptionGroup var client: ClientOptions

    @Option(help: ArgumentHelp("Read lines from this file, or - for standard input (default).", valueName: "file"))
    var jsonl: String?

    @Option(help: "Pace a file's frames by their time t at this many times real time (default 1 for a file; standard input is never paced).")
    var speed: Double?

    @Option(help: "Sim name sent to the server (default \"jsonl\").") var sim: String?
    @Option(help: "Track name.") var track: String?
    @Option(help: "Track configuration (layout), if any.") var trackConfig: String?
    @Option(help: ArgumentHelp("Track length in metres (every lap distance is checked against it).", valueName: "metres"))
    var trackLength: Double?
    @Option(help: "Car name.") var car: String?
    @Option(help: "Session type: practice, qualify, race ... (default practice).") var sessionType: String?

    func run() async throws {
        let table = try client.configFile().table("jsonl")
        do {
            try table.rejectUnknownKeys(known: ["jsonl", "speed", "sim", "track", "track_config", "track_length", "car", "session_type"])
            let path = try jsonl ?? table.string("jsonl") ?? "-"
            let input: JSONLinesSource.Input = path == "-" ? .standardInput : .file(path)
            var pace = try speed ?? table.number("speed")
            if input == .standardInput { pace = nil } else if pace == nil { pace = 1 }
            if let pace, !(pace > 0 && pace <= 1_000) { throw ValidationError("--speed must be above 0 and at most 1000") }
            let session = try descriptor(table)
            try await client.run(JSONLinesSource(input: input, session: session, speed: pace), simName: "JSON lines")
        } catch let error as ClientSettingsError {
            throw ValidationError(error.description)
        }
    }

    /// The session from flags and config; nil when no track is named (then a session line must come).
    private func descriptor(_ table: ConfigTable) throws -> SessionDescriptor? {
        guard let name = try track ?? table.string("track") else {
            guard trackLength == nil, car == nil else { throw ValidationError("--track-length and --car need --track") }
            return nil
        }
        guard let length = try trackLength ?? table.number("track_length"), length.isFinite, length > 0 else {
            throw ValidationError("--track needs --track-length in metres (above 0)")
        }
        return SessionDescriptor(
            sim: try sim ?? table.string("sim") ?? "jsonl",
            track: TrackDescriptor(name: name, configuration: try trackConfig ?? table.string("track_config") ?? "", length: length),
            car: try car ?? table.string("car") ?? "unknown", sessionType: try sessionType ?? table.string("session_type") ?? "practice")
    }
}
