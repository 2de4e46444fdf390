import ArgumentParser
import Foundation
import LoadTesting

/// `trailbrake-load stream`: one driver replays one file as a live client would and prints the
/// cues as they come; voice clips are saved as .opus files.
struct StreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream", abstract: "Replay one file as a live client and print the cues as they arrive.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var source: SourceOptions
    @OptionGroup var pacing: PacingOptions

    @Flag(help: "Stream the shipped demo: two Brands Hatch laps in a GT4 with known mistakes.")
    var demo = false
    @Option(help: "Save voice clips (.opus) into this directory.") var clips: String?

    func run() async throws {
        let url = connection.url(path: "/api/v1/coaching/live")
        var options = LoadOptions(url: url, tokens: try connection.loadTokens())
        options.tls = try connection.tlsConfiguration(for: url)
        pacing.apply(to: &options)
        if clips != nil { options.voice = true }
        do {
            let laps: DriverLaps
            if demo {
                laps = try DemoLap.load(referenceDirectory: URL(fileURLWithPath: source.referenceDir, isDirectory: true))
            } else {
                laps = try source.source.load(seed: options.seed)
            }
            let minutes = Double(laps.replayRange.count) / LoadOptions.frameRate / 60
            print("streaming \(laps.session.track.name) in a \(laps.session.car): \(laps.replayRange.count) frames, "
                + String(format: "%.1f min", minutes) + (options.pacing == .realTime ? " in real time" : ""))
            for mistake in DemoLap.describe(laps.injected) { print("  injected: \(mistake)") }
            let replay = StreamReplay(options: options, laps: laps, clipsDirectory: clips.map { URL(fileURLWithPath: $0) })
            let report = try await replay.run { line in print(line) }
            print(report.table)
        } catch let error as LoadError {
            throw ValidationError(error.description)
        }
    }
}
