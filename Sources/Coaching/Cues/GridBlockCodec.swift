/// Packs a block of live grid points into bytes and back, losslessly: what is unpacked is the
/// same bits that were packed, so corners and braking zones measured on a packed lap are exactly
/// those measured on the plain one (quantising, as the lap store does, changed measurements).
///
/// Each channel is written as the differences of its values' bit patterns, as LEB128 varints
/// with the sign folded in (zigzag). Time and speed change smoothly along the grid, so their
/// second differences are small; pedals and gear hold still for long stretches, so their first
/// differences are mostly zero. A run of zero differences is one token: a metre of full throttle
/// costs nothing. A block that is all zeros (never driven) packs to no bytes at all.
enum GridBlockCodec {
    static func pack(_ columns: GridColumns, from start: Int, count: Int) -> [UInt8] {
        guard !columns.isZero(from: start, count: count) else { return [] }
        var writer = DifferenceWriter()
        writer.bytes.reserveCapacity(count * 2)
        writer.channel(order: 2, count: count) { Int64(columns.time[start + $0].bitPattern) }
        writer.channel(order: 2, count: count) { Int64(columns.speed[start + $0].bitPattern) }
        writer.channel(order: 1, count: count) { Int64(columns.throttle[start + $0].bitPattern) }
        writer.channel(order: 1, count: count) { Int64(columns.brake[start + $0].bitPattern) }
        writer.channel(order: 1, count: count) { Int64(columns.gear[start + $0]) }
        // Exactly the bytes used: the writer's array grew by doubling, and a block is kept a lap.
        return writer.bytes.withUnsafeBufferPointer { Array($0) }
    }

    /// Writes `count` points unpacked from `bytes` into `columns` from `start`; no bytes means
    /// zeros. Returns false when the bytes end early or a run overshoots the points (never for
    /// bytes `pack` made); bytes left over after the last point are not checked.
    @discardableResult
    static func unpack(_ bytes: [UInt8], into columns: inout GridColumns, at start: Int, count: Int) -> Bool {
        guard !bytes.isEmpty else {
            columns.zero(from: start, count: count)
            return true
        }
        precondition(start >= 0 && start + count <= columns.count)
        // Pointers, not subscripts: a whole lap is unpacked per corner measured, 20,000 values.
        return bytes.withUnsafeBufferPointer { bytes in
            var reader = DifferenceReader(bytes: bytes)
            return reader.floats(order: 2, into: &columns.time, at: start, count: count)
                && reader.floats(order: 2, into: &columns.speed, at: start, count: count)
                && reader.floats(order: 1, into: &columns.throttle, at: start, count: count)
                && reader.floats(order: 1, into: &columns.brake, at: start, count: count)
                && columns.gear.withUnsafeMutableBufferPointer { gear in
                    reader.channel(order: 1, count: count) { gear[start + $0] = Int8(truncatingIfNeeded: $1) }
                }
        }
    }
}

/// Writes a channel's first or second differences as tokens: `zigzag(d) << 1` for a difference,
/// `run << 1 | 1` for `run` zero differences.
private struct DifferenceWriter {
    var bytes: [UInt8] = []

    mutating func channel(order: Int, count: Int, value: (Int) -> Int64) {
        var previous: Int64 = 0, previousDelta: Int64 = 0, zeros: UInt64 = 0
        for index in 0..<count {
            let bits = value(index)
            let delta = bits &- previous
            let difference = order == 2 ? delta &- previousDelta : delta
            previous = bits
            previousDelta = delta
            if difference == 0 {
                zeros += 1
                continue
            }
            if zeros > 0 { varint(zeros << 1 | 1) }
            zeros = 0
            varint(UInt64(bitPattern: (difference << 1) ^ (difference >> 63)) << 1)
        }
        if zeros > 0 { varint(zeros << 1 | 1) }
    }

    private mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}

/// Reads what `DifferenceWriter` wrote, handing each point's bit pattern to `store`.
private struct DifferenceReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func floats(order: Int, into values: inout [Float], at start: Int, count: Int) -> Bool {
        values.withUnsafeMutableBufferPointer { values in
            channel(order: order, count: count) { values[start + $0] = Float(bitPattern: UInt32(truncatingIfNeeded: $1)) }
        }
    }

    @inline(__always)
    mutating func channel(order: Int, count: Int, store: (Int, Int64) -> Void) -> Bool {
        var previous: Int64 = 0, previousDelta: Int64 = 0, index = 0
        while index < count {
            guard let token = varint() else { return false }
            var difference: Int64 = 0, repeats = 1
            if token & 1 == 1 {
                repeats = Int(clamping: token >> 1)
            } else {
                let folded = token >> 1
                difference = Int64(bitPattern: folded >> 1) ^ -Int64(bitPattern: folded & 1)
            }
            guard repeats > 0, repeats <= count - index else { return false }
            for _ in 0..<repeats {
                let delta = order == 2 ? previousDelta &+ difference : difference
                previous = previous &+ delta
                previousDelta = delta
                store(index, previous)
                index += 1
            }
        }
        return true
    }

    @inline(__always)
    private mutating func varint() -> UInt64? {
        var value: UInt64 = 0, shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
