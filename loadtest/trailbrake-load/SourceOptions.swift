import ArgumentParser
import Foundation
import LoadTesting
import Telemetry

/// Which laps the drivers drive (default: laps synthesised with mistakes on a shipped reference).
struct SourceOptions: ParsableArguments {
    @Option(help: "Replay an iRacing .ibt file.")
    var ibt: String?

    @Option(help: "Replay a CSV lap (give --track, --track-length and --car).")
    var csv: String?

    @Option(help: "Drive a reference-lap file exactly as stored.")
    var reference: String?

    @Option(help: "Synthesise laps with injected mistakes on this synthesised reference file.")
    var synthesize: String?

    @Option(help: "Laps per synthesised session.")
    var laps = 2

    @Option(help: "Directory of the shipped reference laps (for the default source and --demo).")
    var referenceDir = "ReferenceLaps"

    @Option(help: "Track name for --csv.") var track = "CSV track"
    @Option(help: "Track configuration for --csv.") var trackConfig = ""
    @Option(help: "Track length in metres for --csv.") var trackLength: Double?
    @Option(help: "Car for --csv.") var car = "unknown"

    var source: LapSource {
        get throws {
            let chosen = [ibt, csv, reference, synthesize].compactMap { $0 }
            guard chosen.count <= 1 else { throw ValidationError("choose one of --ibt, --csv, --reference, --synthesize") }
            guard (1...50).contains(laps) else { throw ValidationError("--laps must be 1...50") }
            if let ibt { return .ibt(URL(fileURLWithPath: ibt)) }
            if let reference { return .reference(URL(fileURLWithPath: reference)) }
            if let csv {
                guard let trackLength, trackLength > 0 else { throw ValidationError("--csv needs --track-length (metres, > 0)") }
                let session = SessionDescriptor(
                    sim: "iracing", track: TrackDescriptor(name: track, configuration: trackConfig, length: trackLength), car: car,
                    sessionType: "practice")
                return .csv(URL(fileURLWithPath: csv), session: session)
            }
            let file = synthesize.map { URL(fileURLWithPath: $0) }
                ?? LapSource.defaultReference(in: URL(fileURLWithPath: referenceDir, isDirectory: true))
            return .synthesized(reference: file, laps: laps)
        }
    }
}
