import Foundation

/// Reads and writes reference laps as versioned JSON (docs/reference-lap-format.md).
///
/// Values are rounded to what matters for coaching and no finer, which keeps a 6 km lap's file
/// small and diffable: time 0.1 ms, speed 1 mm/s, pedals 0.1 %, steering 0.1 mrad.
public enum ReferenceLapFile {
    public static func read(from url: URL) throws(ReferenceFileError) -> ReferenceLap {
        try decode(VersionedJSONFile.data(from: url))
    }

    /// Validates the lap first, so a file that could not be read back is never written.
    /// The write is atomic: readers see the old file or the new one.
    public static func write(_ lap: ReferenceLap, to url: URL) throws {
        try validate(lap)
        try VersionedJSONFile.write(encode(lap), to: url)
    }

    public static func encode(_ lap: ReferenceLap) -> Data {
        var text = "{\"format\":\"\(ReferenceLapDocument.format)\",\"version\":\(ReferenceLapDocument.version),\n"
        text += "\"metadata\":" + JSONText.object(lap.metadata) + ",\n"
        text += "\"grid\":{\"spacing\":\(JSONText.number(lap.gridSpacing, decimals: 6)),\"count\":\(lap.count)},\n"
        text += "\"channels\":{\n"
        text += "\"time\":" + JSONText.array(lap.time, decimals: 4) + ",\n"
        text += "\"speed\":" + JSONText.array(lap.speed, decimals: 3) + ",\n"
        text += "\"throttle\":" + JSONText.array(lap.throttle, decimals: 3) + ",\n"
        text += "\"brake\":" + JSONText.array(lap.brake, decimals: 3) + ",\n"
        text += "\"steering\":" + JSONText.array(lap.steering, decimals: 4) + ",\n"
        text += "\"gear\":[" + lap.gear.map(String.init).joined(separator: ",") + "]\n"
        text += "}}\n"
        return Data(text.utf8)
    }

    public static func decode(_ data: Data) throws(ReferenceFileError) -> ReferenceLap {
        try VersionedJSONFile.checkTag(of: data, format: ReferenceLapDocument.format, version: ReferenceLapDocument.version)
        let document = try VersionedJSONFile.decode(ReferenceLapDocument.self, from: data)
        return try lap(from: document)
    }

    private static func lap(from document: ReferenceLapDocument) throws(ReferenceFileError) -> ReferenceLap {
        let channels = document.channels
        let count = channels.time.count
        let named: [(String, [Double])] = [
            ("speed", channels.speed), ("throttle", channels.throttle), ("brake", channels.brake),
            ("steering", channels.steering), ("gear", channels.gear),
        ]
        for (name, values) in named where values.count != count {
            throw .channelLengthMismatch(channel: name, expected: count, found: values.count)
        }
        guard document.grid.count == count else { throw .countMismatch(grid: document.grid.count, channels: count) }
        var gears: [Int8] = []
        gears.reserveCapacity(count)
        for (index, value) in channels.gear.enumerated() {
            guard value.isFinite else { throw .nonFiniteValue(channel: "gear", index: index) }
            guard let gear = Int8(exactly: value) else { throw .invalidValue("gear \(value) at grid point \(index) is not a gear number") }
            gears.append(gear)
        }
        let lap = ReferenceLap(
            metadata: document.metadata, gridSpacing: document.grid.spacing,
            time: channels.time.map(Float.init), speed: channels.speed.map(Float.init),
            throttle: channels.throttle.map(Float.init), brake: channels.brake.map(Float.init),
            steering: channels.steering.map(Float.init), gear: gears)
        try validate(lap)
        return lap
    }
}
