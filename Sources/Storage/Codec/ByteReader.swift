/// Reads little-endian integers from untrusted bytes. Every read is bounds-checked and a short
/// buffer throws `StorageError.corruptBlob`, so a damaged blob can never crash the server.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset = 0
    /// Names the blob kind in error messages ("lap telemetry", "reference lap").
    let context: String

    init(_ bytes: [UInt8], context: String) {
        self.bytes = bytes
        self.context = context
    }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset == bytes.count }

    mutating func readByte() throws(StorageError) -> UInt8 {
        try require(1)
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readLittleEndianUInt32() throws(StorageError) -> UInt32 {
        try require(4)
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << UInt32(8 * index) }
        offset += 4
        return value
    }

    mutating func readLittleEndianUInt64() throws(StorageError) -> UInt64 {
        try require(8)
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        offset += 8
        return value
    }

    /// Returns the next `count` bytes as a slice of the underlying buffer (no copy).
    mutating func readBytes(_ count: Int) throws(StorageError) -> ArraySlice<UInt8> {
        try require(count)
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    private func require(_ count: Int) throws(StorageError) {
        guard count >= 0, count <= remaining else {
            throw .corruptBlob("\(context): truncated, needed \(count) bytes at offset \(offset) of \(bytes.count)")
        }
    }
}
