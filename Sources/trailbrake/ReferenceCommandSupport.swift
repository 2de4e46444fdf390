import ArgumentParser
import Foundation
import ReferenceTools

/// What the reference commands share: where references live by default, the overrides for
/// files that do not name their track or car, and how an error reaches the user.
struct ReferenceDirectoryOptions: ParsableArguments {
    @OptionGroup var configuration: ConfigurationOptions

    /// The server's reference directory (`server.reference_dir`), so a lap imported here is
    /// the one the server coaches against.
    func defaultDirectory() throws -> URL {
        URL(fileURLWithPath: try configuration.load().server.referenceDirectory, isDirectory: true)
    }
}

struct RecordingOptions: ParsableArguments {
    @Option(help: "Sim name for files that do not say (CSV exports), e.g. iracing, gt7, ac.")
    var sim: String?

    @Option(help: "Track name, as clients report it (default: the file's, or the CSV file name).")
    var track: String?

    @Option(help: "Track configuration (layout), as clients report it.")
    var layout: String?

    @Option(help: "Car name (default: the file's).")
    var car: String?

    @Option(help: "Track length in metres when the file does not say (default: measured from the laps).")
    var length: Double?

    var overrides: RecordingOverrides {
        RecordingOverrides(sim: sim, track: track, configuration: layout, car: car, length: length)
    }
}

/// Prints `error [code]: message` on standard error and returns the failure exit code.
func reportFailure(_ error: ReferenceToolError) -> ExitCode {
    commandFailure(error.code, error.description)
}
