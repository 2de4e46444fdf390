/// One channel of an .ibt file, from its 144-byte `irsdk_varHeader`.
public struct IBTVariable: Sendable, Equatable {
    /// `irsdk_VarType`.
    public enum ValueType: Int32, Sendable {
        case char = 0, bool = 1, int = 2, bitField = 3, float = 4, double = 5

        public var size: Int {
            switch self {
            case .char, .bool: 1
            case .int, .bitField, .float: 4
            case .double: 8
            }
        }
    }

    public var name: String
    public var type: ValueType
    /// Byte offset inside a row.
    public var offset: Int
    /// Array length: 1 for scalars, 6 for 360 Hz sub-sampled channels.
    public var count: Int
    public var countAsTime: Bool
    public var unit: String
    public var description: String

    public static let headerSize = 144
}

extension IBTVariable {
    /// Reads the variable header at `start`, checking that its values fit inside a row.
    init(_ bytes: UnsafeRawBufferPointer, at start: Int, rowLength: Int) throws(IBTError) {
        var reader = LittleEndianReader(bytes: bytes, offset: start)
        let rawType = reader.int32()
        let offset = Int(reader.int32())
        let count = Int(reader.int32())
        countAsTime = reader.uint8() != 0
        name = Self.text(bytes, at: start + 16, length: 32)
        description = Self.text(bytes, at: start + 48, length: 64)
        unit = Self.text(bytes, at: start + 112, length: 32)
        guard let type = ValueType(rawValue: rawType) else {
            throw .invalidVariable(name: name, reason: "unknown type \(rawType)")
        }
        guard offset >= 0, count >= 1, offset + count * type.size <= rowLength else {
            throw .invalidVariable(name: name, reason: "offset \(offset) × \(count) values lies outside the \(rowLength)-byte row")
        }
        self.type = type
        self.offset = offset
        self.count = count
    }

    /// A NUL-terminated ASCII field (iRacing writes plain ASCII names and units).
    private static func text(_ bytes: UnsafeRawBufferPointer, at start: Int, length: Int) -> String {
        let field = UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)])
        let end = field.firstIndex(of: 0) ?? field.count
        return String(decoding: field[..<end], as: UTF8.self)
    }
}
