import ArgumentParser
import Foundation
import ReferenceTools

/// `trailbrake reference laps FILE`: every lap of a recording, one line each, with what it is
/// (valid, out-lap, incomplete, pit, reset, off-track, data-gap). Imports nothing.
struct ReferenceLapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "laps", abstract: "List the laps of an .ibt or lap CSV file without importing them.")

    @Argument(help: "An iRacing .ibt file or a lap CSV export.")
    var file: String

    @OptionGroup var recording: RecordingOptions

    func run() throws {
        do {
            let importer = try LapImporter(recording: LapRecordingReader.read(URL(fileURLWithPath: file), overrides: recording.overrides))
            for lap in importer.split.laps {
                print(LapLine.listed(track: importer.track, car: importer.recording.car, lap: lap))
            }
        } catch {
            throw reportFailure(error)
        }
    }
}
