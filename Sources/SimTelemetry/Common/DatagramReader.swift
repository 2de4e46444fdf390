/// Little-endian reads at fixed offsets of one datagram whose length the caller has already
/// checked against its layout, so every read is in bounds. Unaligned loads: Forza's FM2023 tail
/// and AC's packed strings sit at odd offsets.
struct DatagramReader {
    let bytes: [UInt8]

    func u8(_ offset: Int) -> UInt8 { bytes[offset] }
    func i8(_ offset: Int) -> Int8 { Int8(bitPattern: bytes[offset]) }
    func u16(_ offset: Int) -> UInt16 { load(offset, as: UInt16.self) }
    func i16(_ offset: Int) -> Int16 { Int16(bitPattern: u16(offset)) }
    func u32(_ offset: Int) -> UInt32 { load(offset, as: UInt32.self) }
    func i32(_ offset: Int) -> Int32 { Int32(bitPattern: u32(offset)) }
    func f32(_ offset: Int) -> Float { Float(bitPattern: u32(offset)) }

    func vector(_ offset: Int) -> Vector3 { Vector3(x: f32(offset), y: f32(offset + 4), z: f32(offset + 8)) }
    func wheels(_ offset: Int) -> WheelValues {
        WheelValues(frontLeft: f32(offset), frontRight: f32(offset + 4), rearLeft: f32(offset + 8), rearRight: f32(offset + 12))
    }
    func wheelInts(_ offset: Int) -> [Int32] { (0..<4).map { i32(offset + 4 * $0) } }

    private func load<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
        precondition(offset >= 0 && offset + MemoryLayout<T>.size <= bytes.count, "read past a checked datagram")
        return bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }
}

/// Builds a datagram of a fixed layout (the fakes and the tests write what the readers read).
struct DatagramWriter {
    private(set) var bytes: [UInt8]

    init(length: Int) { bytes = [UInt8](repeating: 0, count: length) }

    mutating func u8(_ offset: Int, _ value: UInt8) { bytes[offset] = value }
    mutating func i8(_ offset: Int, _ value: Int8) { bytes[offset] = UInt8(bitPattern: value) }
    mutating func u16(_ offset: Int, _ value: UInt16) { store(offset, value) }
    mutating func i16(_ offset: Int, _ value: Int16) { store(offset, UInt16(bitPattern: value)) }
    mutating func u32(_ offset: Int, _ value: UInt32) { store(offset, value) }
    mutating func i32(_ offset: Int, _ value: Int32) { store(offset, UInt32(bitPattern: value)) }
    mutating func f32(_ offset: Int, _ value: Float) { store(offset, value.bitPattern) }

    mutating func vector(_ offset: Int, _ value: Vector3) {
        f32(offset, value.x); f32(offset + 4, value.y); f32(offset + 8, value.z)
    }
    mutating func wheels(_ offset: Int, _ value: WheelValues) {
        for (index, element) in value.inOrder.enumerated() { f32(offset + 4 * index, element) }
    }

    private mutating func store<T: FixedWidthInteger>(_ offset: Int, _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (index, byte) in raw.enumerated() { bytes[offset + index] = byte }
        }
    }
}
