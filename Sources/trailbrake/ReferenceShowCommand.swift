import ArgumentParser
import Foundation
import ReferenceTools
import Telemetry

/// `trailbrake reference show REF`: metadata, channel summary and the track map's corners.
struct ReferenceShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a reference lap and its track map.")

    @Argument(help: "Reference name in the reference directory, or a path to a .reference.json file.")
    var reference: String

    @OptionGroup var directory: ReferenceDirectoryOptions

    func run() throws {
        do {
            let files = try ReferenceCatalog(directory: directory.defaultDirectory()).locate(reference)
            let lap = try readReference(files.reference)
            let map = FileManager.default.fileExists(atPath: files.trackMap.path) ? try readMap(files.trackMap) : nil
            ReferenceReport.lines(reference: lap, trackMap: map).forEach { print($0) }
        } catch let error as ReferenceToolError {
            throw reportFailure(error)
        }
    }
}

func readReference(_ url: URL) throws(ReferenceToolError) -> ReferenceLap {
    do { return try ReferenceLapFile.read(from: url) } catch { throw .file(error) }
}

func readMap(_ url: URL) throws(ReferenceToolError) -> TrackMap {
    do { return try TrackMapFile.read(from: url) } catch { throw .file(error) }
}
