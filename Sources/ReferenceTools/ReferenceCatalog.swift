import Coaching
import Foundation
import Telemetry

/// The reference laps in a directory (`*.reference.json`, each with its `*.trackmap.json`),
/// for `trailbrake reference list` and `show`.
public struct ReferenceCatalog: Sendable {
    public static let referenceSuffix = ".reference.json"

    public struct Entry: Sendable {
        /// File name without `.reference.json`.
        public var name: String
        public var referenceURL: URL
        public var trackMapURL: URL
        public var metadata: ReferenceLapMetadata
    }

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Every readable reference, sorted by sim, track, configuration, car and lap time; files
    /// that cannot be read are returned beside them with their error, never dropped silently.
    public func entries() throws(ReferenceToolError) -> (entries: [Entry], unreadable: [(name: String, error: ReferenceFileError)]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        } catch {
            throw .fileNotFound(path: directory.path)
        }
        var entries: [Entry] = [], unreadable: [(name: String, error: ReferenceFileError)] = []
        for file in names where file.hasSuffix(Self.referenceSuffix) {
            let name = String(file.dropLast(Self.referenceSuffix.count))
            let url = directory.appendingPathComponent(file)
            do {
                let lap = try ReferenceLapFile.read(from: url)
                entries.append(Entry(name: name, referenceURL: url, trackMapURL: trackMapURL(name), metadata: lap.metadata))
            } catch {
                unreadable.append((name, error))
            }
        }
        entries.sort { a, b in
            let x = a.metadata, y = b.metadata
            return (x.sim, x.track.name, x.track.configuration, x.car, x.lapTime) < (y.sim, y.track.name, y.track.configuration, y.car, y.lapTime)
        }
        return (entries, unreadable)
    }

    /// A reference by name in the directory (with or without `.reference.json`) or by path.
    public func locate(_ reference: String) throws(ReferenceToolError) -> (reference: URL, trackMap: URL) {
        let suffix = Self.referenceSuffix
        let candidates = [
            URL(fileURLWithPath: reference), URL(fileURLWithPath: reference + suffix),
            directory.appendingPathComponent(reference), directory.appendingPathComponent(reference + suffix),
        ]
        guard let url = candidates.first(where: { $0.lastPathComponent.hasSuffix(suffix) && FileManager.default.fileExists(atPath: $0.path) })
        else { throw .referenceNotFound(reference) }
        let name = String(url.lastPathComponent.dropLast(suffix.count))
        return (url, url.deletingLastPathComponent().appendingPathComponent("\(name).\(TrackMapFile.fileExtension)"))
    }

    /// An existing track map for the same layout (name, configuration, length within
    /// `ReferenceLibrary.trackLengthTolerance`), so names written for one lap's map carry over
    /// to the next import.
    public func trackMap(for track: TrackDescriptor) -> TrackMap? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() else { return nil }
        for file in names where file.hasSuffix("." + TrackMapFile.fileExtension) {
            guard let map = try? TrackMapFile.read(from: directory.appendingPathComponent(file)) else { continue }
            if map.track.key == track.key,
                abs(map.track.length - track.length) <= ReferenceLibrary.trackLengthTolerance * track.length,
                map.corners.contains(where: { $0.name != nil || $0.landmark != nil })
            {
                return map
            }
        }
        return nil
    }

    func trackMapURL(_ name: String) -> URL {
        directory.appendingPathComponent("\(name).\(TrackMapFile.fileExtension)")
    }
}
