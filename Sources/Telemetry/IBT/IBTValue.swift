/// One value exactly as stored, in its own type: for checks that must be bit-exact (other
/// readers, exporters) where widening to Double would hide a float's NaN payload.
public enum IBTValue: Sendable, Equatable {
    case char(Int8), bool(Bool), int(Int32), bitField(UInt32), float(Float), double(Double)
}

extension IBTRowReader {
    @inline(__always)
    func raw(_ variable: IBTVariable, element: Int) -> IBTValue {
        var reader = LittleEndianReader(bytes: bytes, offset: rowStart + variable.offset + element * variable.type.size)
        switch variable.type {
        case .char: return .char(reader.int8())
        case .bool: return .bool(reader.uint8() != 0)
        case .int: return .int(reader.int32())
        case .bitField: return .bitField(reader.uint32())
        case .float: return .float(reader.float())
        case .double: return .double(reader.double())
        }
    }
}

extension IBTReader {
    /// Element `element` of `variable` in row `row` in its stored type; nil when out of range.
    public func rawValue(of variable: IBTVariable, row: Int, element: Int = 0) -> IBTValue? {
        guard (0..<rowCount).contains(row), (0..<variable.count).contains(element) else { return nil }
        return data.withUnsafeBytes { IBTRowReader(bytes: $0, rowStart: rowStart(row)).raw(variable, element: element) }
    }
}

extension IBTFile {
    /// Element `element` of `variable` in row `row` in its stored type; nil when out of range.
    public func rawValue(of variable: IBTVariable, row: Int, element: Int = 0) -> IBTValue? {
        reader.rawValue(of: variable, row: row, element: element)
    }
}

extension LiveRow {
    /// Element `element` of `variable` in its stored type; nil when out of range.
    public func rawValue(of variable: IBTVariable, element: Int = 0) -> IBTValue? {
        guard (0..<variable.count).contains(element) else { return nil }
        return bytes.withUnsafeBytes { IBTRowReader(bytes: $0, rowStart: 0).raw(variable, element: element) }
    }
}
