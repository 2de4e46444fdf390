import ArgumentParser
import Foundation
import ReferenceTools

/// `trailbrake reference list [DIR]`: the references the server would load, one per line.
struct ReferenceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the reference laps in a directory.")

    @Argument(help: "Reference directory (default: the server's).")
    var path: String?

    @OptionGroup var directory: ReferenceDirectoryOptions

    func run() throws {
        let url = try path.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? directory.defaultDirectory()
        do {
            let (entries, unreadable) = try ReferenceCatalog(directory: url).entries()
            print("name | sim | track | config | car | lap time | source | date")
            for entry in entries {
                let m = entry.metadata
                print([entry.name, m.sim, m.track.name, m.track.configuration, m.car, LapLine.seconds(m.lapTime), m.source, m.date]
                    .joined(separator: " | "))
            }
            for (name, error) in unreadable {
                FileHandle.standardError.write(Data("skipped \(name) [\(error.code)]: \(error.description)\n".utf8))
            }
        } catch {
            throw reportFailure(error)
        }
    }
}
