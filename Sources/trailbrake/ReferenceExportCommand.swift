import ArgumentParser
import Foundation
import ReferenceTools

extension ReferenceExporter.Format: ExpressibleByArgument {}

/// `trailbrake reference export REF [--format csv|json] [--out FILE]`.
struct ReferenceExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export a reference lap as CSV or JSON.")

    @Argument(help: "Reference name in the reference directory, or a path to a .reference.json file.")
    var reference: String

    @Option(help: "csv (one row per metre) or json (the reference-lap file format).")
    var format: ReferenceExporter.Format = .csv

    @Option(help: "File to write (default: standard output).")
    var out: String?

    @OptionGroup var directory: ReferenceDirectoryOptions

    func run() throws {
        do {
            let files = try ReferenceCatalog(directory: directory.defaultDirectory()).locate(reference)
            let data = ReferenceExporter.export(try readReference(files.reference), as: format)
            if let out {
                do { try data.write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                    throw ReferenceToolError.file(.unwritable(path: out, reason: error.localizedDescription))
                }
            } else {
                FileHandle.standardOutput.write(data)
            }
        } catch let error as ReferenceToolError {
            throw reportFailure(error)
        }
    }
}
