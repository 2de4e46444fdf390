import Foundation

/// Reads and writes track maps (`<name>.trackmap.json`) as versioned JSON beside the reference
/// laps (docs/reference-lap-format.md, "Track maps").
public enum TrackMapFile {
    public static let format = "trailbrake-track-map"
    public static let version = 1
    /// File name suffix, e.g. `langley.trackmap.json`.
    public static let fileExtension = "trackmap.json"

    public static func read(from url: URL) throws(ReferenceFileError) -> TrackMap {
        try decode(VersionedJSONFile.data(from: url))
    }

    public static func write(_ map: TrackMap, to url: URL) throws {
        try validate(map)
        try VersionedJSONFile.write(encode(map), to: url)
    }

    public static func encode(_ map: TrackMap) -> Data {
        let document = Document(format: format, version: version, track: map.track, corners: map.corners)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Plain strings and finite numbers cannot fail to encode; non-finite ones are refused
        // by `write` before this runs.
        return (try? encoder.encode(document)) ?? Data()
    }

    public static func decode(_ data: Data) throws(ReferenceFileError) -> TrackMap {
        try VersionedJSONFile.checkTag(of: data, format: format, version: version)
        let document = try VersionedJSONFile.decode(Document.self, from: data)
        let map = TrackMap(formatVersion: document.version, track: document.track, corners: document.corners)
        try validate(map)
        return map
    }

    /// Corners are numbered 1, 2, 3... in driving order and every position lies on the lap
    /// (0...track length). Entry, apex and exit are not required to be ordered, because a corner
    /// can straddle the start/finish line (entry at 570 m, apex at 5 m on a 580 m oval).
    public static func validate(_ map: TrackMap) throws(ReferenceFileError) {
        let length = map.track.length
        guard length.isFinite, length > 0 else {
            throw .invalidValue("track.length must be a positive number of metres, is \(length)")
        }
        for (index, corner) in map.corners.enumerated() {
            guard corner.number == index + 1 else {
                throw .invalidValue("corner \(index + 1) is numbered \(corner.number); corners are numbered 1, 2, 3... in order")
            }
            let positions = [("entry", corner.entry), ("apex", corner.apex), ("exit", corner.exit)]
                + (corner.brakePoint.map { [("brakePoint", $0)] } ?? [])
            for (name, value) in positions where !(value >= 0 && value <= length) {
                throw .invalidValue("corner \(corner.number) \(name) \(value) m is not on the \(length) m lap")
            }
        }
    }


    private struct Document: Codable {
        var format: String
        var version: Int
        var track: TrackDescriptor
        var corners: [TrackMap.Corner]
    }
}
