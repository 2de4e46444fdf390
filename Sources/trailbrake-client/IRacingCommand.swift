import ArgumentParser
import Foundation
import LiveClient

/// `trailbrake-client iracing`: iRacing's live telemetry map (Windows), or an .ibt file or a
/// dump of the map replayed through the same path on any OS.
struct IRacingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iracing",
        abstract: "Stream iRacing's live telemetry (run it on the sim's PC; it waits for the sim and follows its restarts).",
        discussion: """
            On any OS, --replay-ibt FILE plays a recorded .ibt through the same live path as if iRacing were running
            (repeat it to play several files: each is a new sim run, like a restart with another car or track).
            No in-game setting is needed: iRacing always publishes its live telemetry. See docs/client.md.
            """)

    @OptionGroup var client: ClientOptions

    @Option(name: .customLong("replay-ibt"), help: ArgumentHelp("Replay this .ibt file as if live (repeatable).", valueName: "file"))
    var replayFiles: [String] = []

    @Option(help: ArgumentHelp("Replay a dump of iRacing's live memory map (one moment of the sim).", valueName: "file"))
    var replayDump: String?

    @Option(help: "Replay speed, times real time (default 1).")
    var speed: Double?

    @Flag(help: "Replay every row even if the reader falls behind (a replay faster than the machine can read).")
    var lossless = false

    func run() async throws {
        let table = try client.configFile().table("iracing")
        do {
            try table.rejectUnknownKeys(known: ["replay_ibt", "replay_dump", "speed", "lossless"])
            var files = replayFiles
            if files.isEmpty, let configured = try table.string("replay_ibt") { files = [configured] }
            let speed = try self.speed ?? table.number("speed") ?? 1
            guard speed > 0, speed <= 1_000 else { throw ValidationError("--speed must be above 0 and at most 1000") }
            let lossless = try lossless || (table.boolean("lossless") ?? false)
            if let dump = try replayDump ?? table.string("replay_dump") {
                try await client.run(IRacingSource(opener: LiveDumpOpener(url: URL(fileURLWithPath: dump))), simName: "iRacing (dump)")
            } else if !files.isEmpty {
                let opener = IBTReplayOpener(files: files.map { URL(fileURLWithPath: $0) }, speed: speed, lossless: lossless)
                try await client.run(IRacingSource(opener: opener), simName: "iRacing (replay)")
            } else {
                try await runLive()
            }
        } catch let error as ClientSettingsError {
            throw ValidationError(error.description)
        }
    }

    private func runLive() async throws {
        #if os(Windows)
        try await client.run(IRacingSource(opener: IRacingWindowsOpener()), simName: "iRacing")
        #else
        throw ValidationError("iRacing runs on Windows only: run this on the sim's PC, or use --replay-ibt FILE here")
        #endif
    }
}
