/// The "C" extras at 0x158..0x16F (§1.11 of sim-telemetry-udp.md; the newest and least verified).
public struct GT7LapTimerExtras: Sendable, Equatable {
    /// One ASCII letter per tyre, FL FR RL RR assumed: T tarmac, C kerb, D dirt or grass (0x158).
    public var tyreSurfaces: [UInt8] = [0, 0, 0, 0]
    /// The live lap timer, milliseconds (0x15C).
    public var currentLapTimeMs: Int32 = 0
    /// Front wheel steer angles, radians, left positive (0x160, 0x164).
    public var frontLeftSteerAngle: Float = 0
    public var frontRightSteerAngle: Float = 0
    /// Unresolved (steering or toe related; "wheelbase" in one source) (0x168).
    public var unknown0x168: Float = 0
    /// NUL-terminated category such as "GR3" (0x16C, 4 bytes).
    public var carCategory: [UInt8] = [0, 0, 0, 0]

    public init() {}

    init(_ reader: DatagramReader) {
        tyreSurfaces = (0..<4).map { reader.u8(0x158 + $0) }
        currentLapTimeMs = reader.i32(0x15C)
        frontLeftSteerAngle = reader.f32(0x160)
        frontRightSteerAngle = reader.f32(0x164)
        unknown0x168 = reader.f32(0x168)
        carCategory = (0..<4).map { reader.u8(0x16C + $0) }
    }

    func write(to writer: inout DatagramWriter) {
        for (index, byte) in tyreSurfaces.prefix(4).enumerated() { writer.u8(0x158 + index, byte) }
        writer.i32(0x15C, currentLapTimeMs)
        writer.f32(0x160, frontLeftSteerAngle)
        writer.f32(0x164, frontRightSteerAngle)
        writer.f32(0x168, unknown0x168)
        for (index, byte) in carCategory.prefix(4).enumerated() { writer.u8(0x16C + index, byte) }
    }

    /// The category as text ("GR3"), empty when unset.
    public var carCategoryText: String {
        String(decoding: carCategory.prefix { $0 != 0 }, as: UTF8.self)
    }
}
