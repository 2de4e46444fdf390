/// Appends little-endian integers to a growing byte buffer (the codec's output side).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    /// Reserving the largest possible size up front means the buffer never reallocates; the
    /// reserved pages are not touched until written.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func appendLittleEndian(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func appendLittleEndian(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends `count` bytes written by `fill` straight into the buffer, without a temporary
    /// array or a capacity check per byte.
    mutating func append(count: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        guard count > 0 else { return }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count))
        bytes.withUnsafeMutableBufferPointer { buffer in
            fill(UnsafeMutableBufferPointer(rebasing: buffer[start..<(start + count)]))
        }
    }
}
