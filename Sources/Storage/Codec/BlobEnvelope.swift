import Foundation

/// The fixed header around every compressed blob the storage layer writes.
///
/// Layout (little-endian, 18 bytes, then the body):
/// ```
/// magic[4]  version:u8  compression:u8  flags:u32  count:u32  payloadLength:u32  body...
/// ```
/// `compression` is 0 (body is the payload) or 1 (body is the zlib stream of the payload).
/// `flags` belongs to the blob kind (the channel mask for lap telemetry). `payloadLength` is the
/// uncompressed length, checked against a bound derived from `count` before anything is inflated.
struct BlobEnvelope {
    var flags: UInt32
    var count: Int
    var payload: [UInt8]

    static let headerLength = 18
    private static let stored: UInt8 = 0
    private static let zlib: UInt8 = 1

    /// Names one blob kind: its magic, current version and limits.
    struct Kind: Sendable {
        var magic: [UInt8]
        var version: UInt8
        var name: String
        /// Largest `count` a valid blob may declare.
        var maximumCount: Int
        /// A valid payload of `count` items is at most `fixedBytes + count × bytesPerItem`.
        var fixedBytes: Int
        var bytesPerItem: Int

        func maximumPayloadLength(count: Int) -> Int { fixedBytes + count * bytesPerItem }
    }

    /// Compresses the payload (falling back to storing it when zlib fails) and adds the header.
    func seal(as kind: Kind, compressionLevel: Int32) -> Data {
        guard var sealed = Zlib.compress(payload, level: compressionLevel, leadingSpace: Self.headerLength) else {
            var writer = ByteWriter(capacity: Self.headerLength + payload.count)
            writer.append(header(kind: kind, compression: Self.stored))
            writer.append(payload)
            return Data(writer.bytes)
        }
        sealed.replaceSubrange(0..<Self.headerLength, with: header(kind: kind, compression: Self.zlib))
        return Data(sealed)
    }

    /// Adds the header to the payload as it is: for a payload of blobs already compressed.
    func sealUncompressed(as kind: Kind) -> Data {
        var writer = ByteWriter(capacity: Self.headerLength + payload.count)
        writer.append(header(kind: kind, compression: Self.stored))
        writer.append(payload)
        return Data(writer.bytes)
    }

    private func header(kind: Kind, compression: UInt8) -> [UInt8] {
        var writer = ByteWriter(capacity: Self.headerLength)
        writer.append(kind.magic)
        writer.append(kind.version)
        writer.append(compression)
        writer.appendLittleEndian(flags)
        writer.appendLittleEndian(UInt32(truncatingIfNeeded: count))
        writer.appendLittleEndian(UInt32(truncatingIfNeeded: payload.count))
        return writer.bytes
    }

    /// The item count a blob's header declares, checked against the kind's limit, without
    /// inflating anything: for size limits before a decode.
    static func declaredCount(_ data: Data, as kind: Kind) throws(StorageError) -> Int {
        try header(of: [UInt8](data.prefix(headerLength)), as: kind, checkingVersion: false).count
    }

    /// The flags and item count a blob's header declares, with its magic and version checked,
    /// without inflating anything.
    static func declaredHeader(_ bytes: [UInt8], as kind: Kind) throws(StorageError) -> (flags: UInt32, count: Int) {
        let header = try header(of: Array(bytes.prefix(headerLength)), as: kind, checkingVersion: true)
        return (header.flags, header.count)
    }

    /// Checks the header and inflates the body; every failure is `StorageError.corruptBlob`.
    static func open(_ data: Data, as kind: Kind) throws(StorageError) -> BlobEnvelope {
        let bytes = [UInt8](data)
        let header = try header(of: Array(bytes.prefix(headerLength)), as: kind, checkingVersion: true)
        let payloadLength = header.payloadLength
        guard payloadLength <= kind.maximumPayloadLength(count: header.count) else {
            throw .corruptBlob("\(kind.name): payload length \(payloadLength) is impossible for count \(header.count)")
        }
        let body = bytes[headerLength...]
        let payload: [UInt8]
        switch header.compression {
        case stored:
            guard body.count == payloadLength else {
                throw .corruptBlob("\(kind.name): stored body is \(body.count) bytes, header says \(payloadLength)")
            }
            payload = Array(body)
        case zlib:
            payload = try Zlib.decompress(body, expectedLength: payloadLength, context: kind.name)
        default:
            throw .corruptBlob("\(kind.name): unknown compression \(header.compression)")
        }
        return BlobEnvelope(flags: header.flags, count: header.count, payload: payload)
    }

    /// The fields of a header.
    private struct Header {
        var compression: UInt8
        var flags: UInt32
        var count: Int
        var payloadLength: Int
    }

    /// Reads a header from its `headerLength` bytes (fewer: too short), checking in this order
    /// its length, its magic, its version (when asked) and its count against the kind's limit.
    private static func header(of bytes: [UInt8], as kind: Kind, checkingVersion: Bool) throws(StorageError) -> Header {
        guard bytes.count >= headerLength else {
            throw .corruptBlob("\(kind.name): \(bytes.count) bytes is shorter than the \(headerLength)-byte header")
        }
        var reader = ByteReader(bytes, context: kind.name)
        let magic = Array(try reader.readBytes(kind.magic.count))
        guard magic == kind.magic else { throw .corruptBlob("\(kind.name): wrong magic \(magic)") }
        let version = try reader.readByte()
        if checkingVersion, version != kind.version {
            throw .corruptBlob("\(kind.name): unsupported version \(version), expected \(kind.version)")
        }
        let header = Header(
            compression: try reader.readByte(), flags: try reader.readLittleEndianUInt32(),
            count: Int(try reader.readLittleEndianUInt32()), payloadLength: Int(try reader.readLittleEndianUInt32()))
        guard header.count <= kind.maximumCount else {
            throw .corruptBlob("\(kind.name): count \(header.count) exceeds the limit \(kind.maximumCount)")
        }
        return header
    }
}
