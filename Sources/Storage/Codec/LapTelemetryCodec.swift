import Foundation
import Telemetry

/// Encodes the frames of one lap as one compact blob: channel-major, each channel quantised
/// (`StoredChannel` documents every step), delta + zigzag at a fixed width, byte-shuffled, then
/// zlib. A 5,000-frame lap of 18 channels is 720 KB in memory and a few tens of KB stored.
///
/// Blob = `BlobEnvelope` (magic "TBLT", version 1, flags = the stored channel mask,
/// count = frames) around this payload:
/// 1. each frame's `presentChannels`, as an `IntegerColumn`;
/// 2. for every channel in the mask, in bit order, a `RealColumn` or an `IntegerColumn`.
///
/// A channel is left out only when every frame holds its "not sent" value (NaN, not on pit
/// road, on track), so decoding is exact up to the quantisation step for every frame.
public enum LapTelemetryCodec {
    /// The `codec` column value for blobs this encoder writes.
    public static let name = Layout.whole.rawValue
    /// zlib level 1: level 6 saved about 2 % more space for several times the CPU (see docs/storage.md).
    public static let defaultCompressionLevel: Int32 = 1
    /// About 4.6 hours at 60 Hz: no real lap is longer, and the limit bounds a hostile header.
    public static let maximumFrameCount = 1_000_000

    static let kind = BlobEnvelope.Kind(
        magic: Array("TBLT".utf8), version: 1, name: "lap telemetry", maximumCount: maximumFrameCount,
        // Per column: mode, specials flag and width bytes, then up to 1 special + 8 value bytes per frame.
        fixedBytes: 3 * (StoredChannel.allCases.count + 1),
        bytesPerItem: 9 * (StoredChannel.allCases.count + 1)
    )

    /// Encodes the frames; never fails (a value too large to quantise is stored raw).
    public static func encode(_ frames: [TelemetryFrame], compressionLevel: Int32 = defaultCompressionLevel) -> Data {
        encodeWithMask(frames, compressionLevel: compressionLevel).data
    }

    /// The blob and the set of channels it stores (kept in the `channel_mask` column).
    static func encodeWithMask(
        _ frames: [TelemetryFrame], compressionLevel: Int32 = defaultCompressionLevel
    ) -> (data: Data, mask: ChannelMask) {
        let mask = storedChannels(of: frames)
        let count = frames.count
        // Sized for the worst case, so the payload never reallocates while it is written.
        var writer = ByteWriter(capacity: kind.maximumPayloadLength(count: count))
        // One column of values and one of quantised integers, reused by every channel.
        var reals = [Double](repeating: 0, count: count)
        var integers = [Int64](repeating: 0, count: count)
        frames.withUnsafeBufferPointer { frames in
            reals.withUnsafeMutableBufferPointer { reals in
                integers.withUnsafeMutableBufferPointer { integers in
                    StoredChannel.gather(frames, into: integers) { Int64($0.presentChannels.rawValue) }
                    IntegerColumn.write(UnsafeBufferPointer(integers), into: &writer)
                    for channel in StoredChannel.allCases where mask.contains(channel.mask) {
                        switch channel.representation {
                        case .real(let step):
                            channel.gatherReal(frames, into: reals)
                            RealColumn.write(UnsafeBufferPointer(reals), step: step, scratch: integers, into: &writer)
                        case .integer:
                            channel.gatherInteger(frames, into: integers)
                            IntegerColumn.write(UnsafeBufferPointer(integers), into: &writer)
                        }
                    }
                }
            }
        }
        let envelope = BlobEnvelope(flags: mask.rawValue, count: frames.count, payload: writer.bytes)
        return (envelope.seal(as: kind, compressionLevel: compressionLevel), mask)
    }

    /// The frame count in a blob's header (cheap: nothing is inflated); `decode` checks the rest.
    public static func declaredFrameCount(_ data: Data) throws(StorageError) -> Int {
        try BlobEnvelope.declaredCount(data, as: kind)
    }

    /// The layouts a `codec` column names: the name is the raw value.
    enum Layout: String {
        /// This file's layout: one blob for the whole lap.
        case whole = "tbl1-quantised-delta-shuffle-zlib"
        /// A live lap's chunks, each a whole-layout blob (`LapTelemetryCodec+Chunks`).
        case chunks = "tbl1-chunks"

        /// The layout `codec` names; `corruptBlob` for a name this build does not know.
        init(codec: String) throws(StorageError) {
            guard let layout = Layout(rawValue: codec) else { throw .corruptBlob("unknown lap telemetry codec \(codec)") }
            self = layout
        }

        /// The layout of a blob this build writes, told by its magic (a pending lap's file keeps
        /// the blob without its codec's name).
        init(of data: Data) throws(StorageError) {
            switch Array(data.prefix(4)) {
            case kind.magic: self = .whole
            case chunkedKind.magic: self = .chunks
            default: throw .corruptBlob("lap telemetry: unknown magic")
            }
        }
    }

    /// The frame count in the header of a blob stored under `codec` (either layout).
    public static func declaredFrameCount(_ data: Data, codec: String) throws(StorageError) -> Int {
        switch try Layout(codec: codec) {
        case .whole: try declaredFrameCount(data)
        case .chunks: try BlobEnvelope.declaredCount(data, as: chunkedKind)
        }
    }

    /// Decodes a blob stored under `codec` (either layout).
    public static func decode(_ data: Data, codec: String) throws(StorageError) -> [TelemetryFrame] {
        switch try Layout(codec: codec) {
        case .whole: try decode(data)
        case .chunks: try decodeChunks(data)
        }
    }

    /// A blob's channel mask, checked: only known channels, and every channel always stored.
    static func storedMask(_ flags: UInt32) throws(StorageError) -> ChannelMask {
        let mask = ChannelMask(rawValue: flags)
        guard ChannelMask.all.isSuperset(of: mask), mask.isSuperset(of: StoredChannel.alwaysStored) else {
            throw .corruptBlob("lap telemetry: invalid channel mask 0x\(String(flags, radix: 16))")
        }
        return mask
    }

    /// Decodes a blob; anything inconsistent throws `StorageError.corruptBlob`.
    public static func decode(_ data: Data) throws(StorageError) -> [TelemetryFrame] {
        let envelope = try BlobEnvelope.open(data, as: kind)
        let mask = try storedMask(envelope.flags)
        let count = envelope.count
        var reader = ByteReader(envelope.payload, context: kind.name)
        var frames = [TelemetryFrame](repeating: blankFrame, count: count)

        let present = try IntegerColumn.read(count: count, from: &reader)
        for (index, bits) in present.enumerated() {
            guard (0...Int64(UInt32.max)).contains(bits) else {
                throw .corruptBlob("lap telemetry: frame \(index) has invalid present channels \(bits)")
            }
            frames[index].presentChannels = ChannelMask(rawValue: UInt32(bits))
        }
        for channel in StoredChannel.allCases where mask.contains(channel.mask) {
            try readChannel(channel, into: &frames, from: &reader)
        }
        guard reader.isAtEnd else {
            throw .corruptBlob("lap telemetry: \(reader.remaining) unexpected bytes after the last channel")
        }
        return frames
    }

    private static func readChannel(
        _ channel: StoredChannel, into frames: inout [TelemetryFrame], from reader: inout ByteReader
    ) throws(StorageError) {
        switch channel.representation {
        case .real(let step):
            let values = try RealColumn.read(count: frames.count, step: step, from: &reader)
            for index in frames.indices { channel.setRealValue(values[index], in: &frames[index]) }
        case .integer(let range):
            let values = try IntegerColumn.read(count: frames.count, from: &reader)
            for index in frames.indices {
                guard range.contains(values[index]) else {
                    throw .corruptBlob("lap telemetry: \(channel) value \(values[index]) out of \(range) at frame \(index)")
                }
                channel.setIntegerValue(values[index], in: &frames[index])
            }
        }
    }

    /// The channels worth storing: required ones, declared ones, and any holding real values.
    static func storedChannels(of frames: [TelemetryFrame]) -> ChannelMask {
        var mask = StoredChannel.alwaysStored
        for frame in frames { mask.formUnion(frame.presentChannels.intersection(.all)) }
        for channel in StoredChannel.allCases where !mask.contains(channel.mask) {
            if frames.contains(where: { !channel.holdsAbsentValue(in: $0) }) { mask.insert(channel.mask) }
        }
        return mask
    }

    /// What a decoded frame holds before its channels are filled in: every optional channel
    /// at its "not sent" value.
    private static let blankFrame = TelemetryFrame(
        sessionTime: 0, lapNumber: 0, lapDistance: 0, speed: 0, throttle: 0, brake: 0, gear: 0, presentChannels: []
    )
}
