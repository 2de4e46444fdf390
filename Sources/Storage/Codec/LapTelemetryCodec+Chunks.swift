import Foundation
import Telemetry

/// The chunked layout: a live lap stored as the live coach packed it, chunk by chunk
/// (`LapTelemetryChunkPacker`), so the lap is neither unpacked at the line nor encoded again by
/// the lap writer. Each chunk is a whole `LapTelemetryCodec` blob of its frames; decoding gives
/// the very frames the unpacked lap would have given.
///
/// Blob = `BlobEnvelope` (magic "TBLK", version 1, stored: the chunks are compressed already;
/// flags = the union of the chunks' channel masks, count = frames) around this payload:
/// `chunkCount:u32`, then for each chunk `length:u32` and its blob.
extension LapTelemetryCodec {
    /// The `codec` column value for chunked blobs.
    public static let chunkedName = Layout.chunks.rawValue

    static let chunkedKind = BlobEnvelope.Kind(
        magic: Array("TBLK".utf8), version: 1, name: "chunked lap telemetry", maximumCount: maximumFrameCount,
        fixedBytes: 4,
        // At worst a chunk per frame: its length, header, fixed bytes, one frame, zlib's framing.
        bytesPerItem: 4 + BlobEnvelope.headerLength + kind.fixedBytes + kind.bytesPerItem + 16
    )

    /// The chunked blob of `chunks` (each a `LapTelemetryCodec` blob, in lap order), with its
    /// channel mask and frame count. Only the chunks' headers are read, nothing is inflated;
    /// throws `corruptBlob` for a chunk whose header does not check out.
    static func sealChunks(_ chunks: [[UInt8]]) throws(StorageError) -> (data: Data, mask: ChannelMask, count: Int) {
        guard !chunks.isEmpty else { throw .invalidInput("a chunked lap needs at least one chunk") }
        var mask: ChannelMask = []
        var count = 0
        for (index, chunk) in chunks.enumerated() {
            let header = try BlobEnvelope.declaredHeader(chunk, as: kind)
            guard header.count > 0 else { throw .corruptBlob("\(chunkedKind.name): chunk \(index) holds no frames") }
            mask.formUnion(try storedMask(header.flags))
            count += header.count
        }
        guard count <= maximumFrameCount else {
            throw .invalidInput("a lap of \(count) frames, more than \(maximumFrameCount)")
        }
        var writer = ByteWriter(capacity: 4 + chunks.reduce(0) { $0 + 4 + $1.count })
        writer.appendLittleEndian(UInt32(chunks.count))
        for chunk in chunks {
            writer.appendLittleEndian(UInt32(chunk.count))
            writer.append(chunk)
        }
        let envelope = BlobEnvelope(flags: mask.rawValue, count: count, payload: writer.bytes)
        return (envelope.sealUncompressed(as: chunkedKind), mask, count)
    }

    /// Decodes a chunked blob; anything inconsistent throws `StorageError.corruptBlob`.
    static func decodeChunks(_ data: Data) throws(StorageError) -> [TelemetryFrame] {
        let envelope = try BlobEnvelope.open(data, as: chunkedKind)
        let mask = try storedMask(envelope.flags)
        var reader = ByteReader(envelope.payload, context: chunkedKind.name)
        let chunkCount = Int(try reader.readLittleEndianUInt32())
        guard (1...max(1, envelope.count)).contains(chunkCount) else {
            throw .corruptBlob("\(chunkedKind.name): \(chunkCount) chunks for \(envelope.count) frames")
        }
        var frames: [TelemetryFrame] = []
        frames.reserveCapacity(envelope.count)
        for index in 0..<chunkCount {
            let chunk = Array(try reader.readBytes(Int(try reader.readLittleEndianUInt32())))
            let header = try BlobEnvelope.declaredHeader(chunk, as: kind)
            guard mask.isSuperset(of: ChannelMask(rawValue: header.flags)) else {
                throw .corruptBlob("\(chunkedKind.name): chunk \(index) stores channels the lap's mask leaves out")
            }
            guard header.count <= envelope.count - frames.count else {
                throw .corruptBlob("\(chunkedKind.name): chunk \(index) holds more frames than the lap declares")
            }
            frames.append(contentsOf: try decode(Data(chunk)))
        }
        guard reader.isAtEnd else {
            throw .corruptBlob("\(chunkedKind.name): \(reader.remaining) unexpected bytes after the last chunk")
        }
        guard frames.count == envelope.count else {
            throw .corruptBlob("\(chunkedKind.name): \(frames.count) frames in the chunks, the header says \(envelope.count)")
        }
        return frames
    }
}
