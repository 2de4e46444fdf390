/// The "~" extras at 0x13C..0x157 (§1.10 of sim-telemetry-udp.md). Sources disagree on which
/// pedal tap is raw and which is after the aids, so the names say only that they are a second tap.
/// (gt-telem 1.2.1 reads these 24 bytes at 0x128, right after the A block, skipping B's floats;
/// PDTools and the packet sizes, 316 + 28 = 344, put them after B, as here.)
public struct GT7TildeExtras: Sendable, Equatable {
    /// 0...255 (0x13C, 0x13D).
    public var throttleOtherTap: UInt8 = 0
    public var brakeOtherTap: UInt8 = 0
    /// Unknown bytes (0x13E, 0x13F).
    public var unknown0x13E: UInt8 = 0
    public var unknown0x13F: UInt8 = 0
    /// Unknown vector, perhaps torque vectoring per wheel (0x140).
    public var unknownVector: WheelValues = WheelValues(all: 0)
    public var energyRecovery: Float = 0
    public var unknown0x154: Float = 0

    public init() {}

    init(_ reader: DatagramReader) {
        throttleOtherTap = reader.u8(0x13C)
        brakeOtherTap = reader.u8(0x13D)
        unknown0x13E = reader.u8(0x13E)
        unknown0x13F = reader.u8(0x13F)
        unknownVector = reader.wheels(0x140)
        energyRecovery = reader.f32(0x150)
        unknown0x154 = reader.f32(0x154)
    }

    func write(to writer: inout DatagramWriter) {
        writer.u8(0x13C, throttleOtherTap)
        writer.u8(0x13D, brakeOtherTap)
        writer.u8(0x13E, unknown0x13E)
        writer.u8(0x13F, unknown0x13F)
        writer.wheels(0x140, unknownVector)
        writer.f32(0x150, energyRecovery)
        writer.f32(0x154, unknown0x154)
    }
}
