/// Reads typed values out of one row; the row and the variable were bounds-checked on open.
struct IBTRowReader {
    let bytes: UnsafeRawBufferPointer
    let rowStart: Int

    @inline(__always)
    func number(_ variable: IBTVariable, element: Int = 0) -> Double {
        var reader = LittleEndianReader(bytes: bytes, offset: rowStart + variable.offset + element * variable.type.size)
        switch variable.type {
        case .char: return Double(reader.int8())
        case .bool: return reader.uint8() != 0 ? 1 : 0
        case .int: return Double(reader.int32())
        case .bitField: return Double(reader.uint32())
        case .float: return Double(reader.float())
        case .double: return reader.double()
        }
    }

    /// Integers read without a detour through Double; out-of-range values are clamped.
    @inline(__always)
    func integer(_ variable: IBTVariable) -> Int64 {
        var reader = LittleEndianReader(bytes: bytes, offset: rowStart + variable.offset)
        switch variable.type {
        case .char: return Int64(reader.int8())
        case .bool: return Int64(reader.uint8())
        case .int: return Int64(reader.int32())
        case .bitField: return Int64(reader.uint32())
        case .float: return Int64(exactly: reader.float().rounded()) ?? 0
        case .double: return Int64(exactly: reader.double().rounded()) ?? 0
        }
    }
}
