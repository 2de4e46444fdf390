import ArgumentParser
import Foundation
import ReferenceTools

/// `trailbrake reference import FILE [--lap N | --best] [--out DIR]`: laps of a recording as
/// reference laps on the 1 m grid, each with a track map found from all the file's valid laps
/// (names and landmarks of an earlier map of the layout kept). One line per imported lap.
struct ReferenceImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import laps of an .ibt or lap CSV file as reference laps.")

    @Argument(help: "An iRacing .ibt file or a lap CSV export.")
    var file: String

    @Option(help: "Import this lap only.")
    var lap: Int?

    @Flag(help: "Import the fastest valid lap only.")
    var best = false

    @Option(help: "Directory to write into (default: the server's reference directory).")
    var out: String?

    @OptionGroup var recording: RecordingOptions
    @OptionGroup var directory: ReferenceDirectoryOptions

    func validate() throws {
        if lap != nil && best { throw ValidationError("use --lap N or --best, not both") }
    }

    func run() throws {
        let target = try out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? directory.defaultDirectory()
        let selection: LapImporter.Selection = lap.map { .lap($0) } ?? (best ? .best : .allValid)
        do {
            let importer = try LapImporter(recording: LapRecordingReader.read(URL(fileURLWithPath: file), overrides: recording.overrides))
            for imported in try importer.run(selection, into: target) {
                print(LapLine.imported(
                    track: importer.track, car: importer.recording.car, lap: imported.lap.number,
                    lapTime: imported.reference.metadata.lapTime))
            }
        } catch {
            throw reportFailure(error)
        }
    }
}
