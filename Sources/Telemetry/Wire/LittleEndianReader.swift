/// Sequential unaligned little-endian reads from raw bytes. Callers prove the bounds first
/// (the batch header check, the .ibt row count); reads are only debug-checked.
struct LittleEndianReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int

    @inline(__always) mutating func uint8() -> UInt8 {
        defer { offset += 1 }
        return bytes[offset]
    }

    @inline(__always) mutating func int8() -> Int8 { Int8(bitPattern: uint8()) }

    @inline(__always) mutating func uint16() -> UInt16 {
        defer { offset += 2 }
        return UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    @inline(__always) mutating func uint32() -> UInt32 {
        defer { offset += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always) mutating func int32() -> Int32 { Int32(bitPattern: uint32()) }

    @inline(__always) mutating func uint64() -> UInt64 {
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always) mutating func float() -> Float { Float(bitPattern: uint32()) }
    @inline(__always) mutating func double() -> Double { Double(bitPattern: uint64()) }
}
