/// The "B" extras at 0x128..0x13B (§1.9 of sim-telemetry-udp.md).
public struct GT7MotionExtras: Sendable, Equatable {
    /// Steering wheel rotation, radians (0x128).
    public var wheelRotation: Float = 0
    /// Unknown, possibly the force-feedback signal (0x12C).
    public var fillerFloatFB: Float = 0
    /// Body accelerations: sway (lateral), heave (vertical), surge (longitudinal) (0x130..0x138).
    public var sway: Float = 0
    public var heave: Float = 0
    public var surge: Float = 0

    public init() {}

    static let offset = 0x128

    init(_ reader: DatagramReader) {
        wheelRotation = reader.f32(0x128)
        fillerFloatFB = reader.f32(0x12C)
        sway = reader.f32(0x130)
        heave = reader.f32(0x134)
        surge = reader.f32(0x138)
    }

    func write(to writer: inout DatagramWriter) {
        writer.f32(0x128, wheelRotation)
        writer.f32(0x12C, fillerFloatFB)
        writer.f32(0x130, sway)
        writer.f32(0x134, heave)
        writer.f32(0x138, surge)
    }
}
