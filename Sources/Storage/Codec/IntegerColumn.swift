/// An integer sequence stored as zigzag deltas at a fixed byte width, byte-shuffled.
///
/// Consecutive telemetry samples are close, so deltas are small; zigzag folds the sign into the
/// low bit so small negative deltas stay small. Writing every delta at the narrowest width that
/// holds the largest one and then grouping byte 0 of every value, then byte 1, ... ("shuffle")
/// puts the mostly-zero high bytes together, where zlib compresses them to almost nothing.
///
/// Layout: `width: UInt8` (0, 1, 2, 4 or 8), then `count × width` shuffled bytes. Width 0 means
/// every delta is zero (a constant-zero column costs one byte).
enum IntegerColumn {
    static func write(_ values: [Int64], into writer: inout ByteWriter) {
        var previous: Int64 = 0
        var encoded = [UInt64](repeating: 0, count: values.count)
        var largest: UInt64 = 0
        for (index, value) in values.enumerated() {
            let zigzag = zigzagEncode(value &- previous)
            encoded[index] = zigzag
            largest |= zigzag
            previous = value
        }
        let width = byteWidth(toHold: largest)
        writer.append(UInt8(width))
        for byteIndex in 0..<width {
            let shift = UInt64(8 * byteIndex)
            for value in encoded { writer.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
    }

    static func read(count: Int, from reader: inout ByteReader) throws(StorageError) -> [Int64] {
        let width = Int(try reader.readByte())
        guard [0, 1, 2, 4, 8].contains(width) else {
            throw .corruptBlob("\(reader.context): invalid integer width \(width) at offset \(reader.offset - 1)")
        }
        var encoded = [UInt64](repeating: 0, count: count)
        for byteIndex in 0..<width {
            let plane = try reader.readBytes(count)
            let shift = UInt64(8 * byteIndex)
            for (index, byte) in zip(0..<count, plane) { encoded[index] |= UInt64(byte) << shift }
        }
        var values = [Int64](repeating: 0, count: count)
        var previous: Int64 = 0
        for index in 0..<count {
            // Wrapping: a corrupt blob may hold any bits, and must not trap.
            previous = previous &+ zigzagDecode(encoded[index])
            values[index] = previous
        }
        return values
    }

    static func zigzagEncode(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value &<< 1) ^ (value >> 63))
    }

    static func zigzagDecode(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    private static func byteWidth(toHold value: UInt64) -> Int {
        switch value {
        case 0: 0
        case ...0xFF: 1
        case ...0xFFFF: 2
        case ...0xFFFF_FFFF: 4
        default: 8
        }
    }
}
