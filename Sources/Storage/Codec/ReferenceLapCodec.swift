import Foundation
import Telemetry

/// Encodes the channel arrays of a `ReferenceLap` with the same column coding as lap telemetry
/// (quantise, delta, zigzag, shuffle, zlib). The metadata is stored beside it as JSON.
///
/// Blob = `BlobEnvelope` (magic "TBRF", version 1, flags 0, count = grid points) around:
/// `gridSpacing` as `Double` bits (u64), then the columns time, speed, throttle, brake,
/// steering (`RealColumn`, steps as for lap telemetry) and gear (`IntegerColumn`).
public enum ReferenceLapCodec {
    public static let name = "tbr1-quantised-delta-shuffle-zlib"
    /// A 1 m grid of the longest circuit (Nordschleife + GP, 25.4 km) with room to spare.
    public static let maximumGridPoints = 100_000

    static let kind = BlobEnvelope.Kind(
        magic: Array("TBRF".utf8), version: 1, name: "reference lap", maximumCount: maximumGridPoints,
        fixedBytes: 8 + 3 * 6, bytesPerItem: 9 * 6
    )

    private static let timeStep = 0x1p-14
    private static let speedStep = 0x1p-10
    private static let pedalStep = 0x1p-14
    private static let steeringStep = 0x1p-17

    /// Fails with `invalidInput` when the channel arrays differ in length or are too long.
    public static func encode(
        _ reference: ReferenceLap, compressionLevel: Int32 = LapTelemetryCodec.defaultCompressionLevel
    ) throws(StorageError) -> Data {
        let count = reference.count
        let lengths = [reference.speed.count, reference.throttle.count, reference.brake.count,
                       reference.steering.count, reference.gear.count]
        guard lengths.allSatisfy({ $0 == count }) else {
            throw .invalidInput("reference lap channels differ in length: time \(count), others \(lengths)")
        }
        guard count <= maximumGridPoints else {
            throw .invalidInput("reference lap has \(count) grid points, more than \(maximumGridPoints)")
        }
        var writer = ByteWriter(capacity: count * 8)
        writer.appendLittleEndian(reference.gridSpacing.bitPattern)
        RealColumn.write(reference.time.map(Double.init), step: timeStep, into: &writer)
        RealColumn.write(reference.speed.map(Double.init), step: speedStep, into: &writer)
        RealColumn.write(reference.throttle.map(Double.init), step: pedalStep, into: &writer)
        RealColumn.write(reference.brake.map(Double.init), step: pedalStep, into: &writer)
        RealColumn.write(reference.steering.map(Double.init), step: steeringStep, into: &writer)
        IntegerColumn.write(reference.gear.map(Int64.init), into: &writer)
        return BlobEnvelope(flags: 0, count: count, payload: writer.bytes).seal(as: kind, compressionLevel: compressionLevel)
    }

    /// Rebuilds the reference from its blob and its stored metadata.
    public static func decode(_ data: Data, metadata: ReferenceLapMetadata) throws(StorageError) -> ReferenceLap {
        let envelope = try BlobEnvelope.open(data, as: kind)
        let count = envelope.count
        var reader = ByteReader(envelope.payload, context: kind.name)
        let gridSpacing = Double(bitPattern: try reader.readLittleEndianUInt64())
        let time = try RealColumn.read(count: count, step: timeStep, from: &reader).map(Float.init)
        let speed = try RealColumn.read(count: count, step: speedStep, from: &reader).map(Float.init)
        let throttle = try RealColumn.read(count: count, step: pedalStep, from: &reader).map(Float.init)
        let brake = try RealColumn.read(count: count, step: pedalStep, from: &reader).map(Float.init)
        let steering = try RealColumn.read(count: count, step: steeringStep, from: &reader).map(Float.init)
        let gears = try IntegerColumn.read(count: count, from: &reader)
        guard reader.isAtEnd else { throw .corruptBlob("reference lap: \(reader.remaining) unexpected trailing bytes") }
        var gear: [Int8] = []
        gear.reserveCapacity(count)
        for value in gears {
            guard let narrow = Int8(exactly: value) else { throw .corruptBlob("reference lap: gear \(value) out of range") }
            gear.append(narrow)
        }
        return ReferenceLap(
            metadata: metadata, gridSpacing: gridSpacing,
            time: time, speed: speed, throttle: throttle, brake: brake, steering: steering, gear: gear
        )
    }
}
