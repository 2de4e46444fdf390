import Coaching
import Foundation
import Logging
import Telemetry

/// Loads the shipped and imported reference laps (`*.reference.json`) and the track maps beside
/// them (`*.trackmap.json` with the same base name) into a `ReferenceLibrary`.
///
/// A file that cannot be read is logged and skipped: one bad file must not keep the server from
/// starting or take the other references with it.
public enum ReferenceDirectory {
    static let referenceSuffix = ".reference.json"

    public static func load(_ directory: URL, logger: Logger) -> ReferenceLibrary {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            logger.warning("reference directory unreadable", metadata: ["path": "\(directory.path)", "error": "\(error)"])
            return ReferenceLibrary(entries: [])
        }
        var entries: [ReferenceLibrary.Entry] = []
        for name in names where name.hasSuffix(referenceSuffix) {
            let url = directory.appendingPathComponent(name)
            do {
                let reference = try ReferenceLapFile.read(from: url)
                let base = String(name.dropLast(referenceSuffix.count))
                let mapURL = directory.appendingPathComponent("\(base).\(TrackMapFile.fileExtension)")
                let map = FileManager.default.fileExists(atPath: mapURL.path) ? try TrackMapFile.read(from: mapURL) : nil
                entries.append(ReferenceLibrary.Entry(reference: reference, trackMap: map))
            } catch {
                logger.warning("reference lap skipped", metadata: ["file": "\(name)", "error": "\(error)"])
            }
        }
        logger.info("reference laps loaded", metadata: ["count": "\(entries.count)", "path": "\(directory.path)"])
        return ReferenceLibrary(entries: entries)
    }
}
