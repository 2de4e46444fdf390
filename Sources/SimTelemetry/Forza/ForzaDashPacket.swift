/// One Forza "Data Out" dash datagram: the Sled fields the client uses (§3.3 of
/// sim-telemetry-udp.md) and the dash block (§3.4), at the offsets its format puts them.
public struct ForzaDashPacket: Sendable, Equatable {
    public var format: ForzaFormat
    /// 1 while racing, 0 in menus or when stopped (0x00).
    public var isRaceOn: Int32
    /// Milliseconds, wraps (0x04).
    public var timestampMs: UInt32
    public var engineMaxRpm: Float
    public var engineIdleRpm: Float
    public var currentEngineRpm: Float
    /// Car space, X right, Y up, Z forward: m/s² (0x14) and m/s (0x20).
    public var acceleration: Vector3
    public var velocity: Vector3
    /// X pitch, Y yaw, Z roll, rad/s (0x2C).
    public var angularVelocity: Vector3
    public var carOrdinal: Int32
    public var carClass: Int32
    public var carPerformanceIndex: Int32
    public var drivetrainType: Int32
    public var numCylinders: Int32
    /// Dash block, offsets relative to `format.dashOffset`:
    /// world metres (+0), m/s (+12), W (+16), N·m (+20).
    public var position: Vector3
    public var speed: Float
    public var power: Float
    public var torque: Float
    public var boost: Float
    public var fuel: Float
    /// Metres, cumulative over the session or race, not per lap (+48).
    public var distanceTraveled: Float
    /// Seconds (+52 best, +56 last, +60 current lap, +64 race).
    public var bestLap: Float
    public var lastLap: Float
    public var currentLap: Float
    public var currentRaceTime: Float
    /// 0-based (+68).
    public var lapNumber: UInt16
    public var racePosition: UInt8
    /// 0...255 (+71..+74).
    public var accel: UInt8
    public var brake: UInt8
    public var clutch: UInt8
    public var handBrake: UInt8
    /// Encoding for R/N undocumented (+75).
    public var gear: UInt8
    /// -127...127 (+76).
    public var steer: Int8
    /// FM 2023 only: the track's id (327); nil in other formats.
    public var trackOrdinal: Int32?

    public init(format: ForzaFormat) {
        self.format = format
        isRaceOn = 1
        timestampMs = 0
        engineMaxRpm = 0
        engineIdleRpm = 0
        currentEngineRpm = 0
        acceleration = .zero
        velocity = .zero
        angularVelocity = .zero
        carOrdinal = 0
        carClass = 0
        carPerformanceIndex = 0
        drivetrainType = 0
        numCylinders = 0
        position = .zero
        speed = 0
        power = 0
        torque = 0
        boost = 0
        fuel = 0
        distanceTraveled = 0
        bestLap = 0
        lastLap = 0
        currentLap = 0
        currentRaceTime = 0
        lapNumber = 0
        racePosition = 0
        accel = 0
        brake = 0
        clutch = 0
        handBrake = 0
        gear = 1
        steer = 0
        trackOrdinal = format == .motorsport2023Dash ? 0 : nil
    }

    public static func decode(_ bytes: [UInt8]) throws(DatagramError) -> ForzaDashPacket {
        guard let format = ForzaFormat(datagramLength: bytes.count) else {
            throw .wrongLength(bytes.count, accepted: ForzaFormat.acceptedLengths)
        }
        guard let dash = format.dashOffset else { throw .sledFormat }
        let reader = DatagramReader(bytes: bytes)
        var packet = ForzaDashPacket(format: format)
        packet.isRaceOn = reader.i32(0)
        packet.timestampMs = reader.u32(4)
        packet.engineMaxRpm = reader.f32(8)
        packet.engineIdleRpm = reader.f32(12)
        packet.currentEngineRpm = reader.f32(16)
        packet.acceleration = reader.vector(20)
        packet.velocity = reader.vector(32)
        packet.angularVelocity = reader.vector(44)
        packet.carOrdinal = reader.i32(212)
        packet.carClass = reader.i32(216)
        packet.carPerformanceIndex = reader.i32(220)
        packet.drivetrainType = reader.i32(224)
        packet.numCylinders = reader.i32(228)
        packet.position = reader.vector(dash)
        packet.speed = reader.f32(dash + 12)
        packet.power = reader.f32(dash + 16)
        packet.torque = reader.f32(dash + 20)
        packet.boost = reader.f32(dash + 40)
        packet.fuel = reader.f32(dash + 44)
        packet.distanceTraveled = reader.f32(dash + 48)
        packet.bestLap = reader.f32(dash + 52)
        packet.lastLap = reader.f32(dash + 56)
        packet.currentLap = reader.f32(dash + 60)
        packet.currentRaceTime = reader.f32(dash + 64)
        packet.lapNumber = reader.u16(dash + 68)
        packet.racePosition = reader.u8(dash + 70)
        packet.accel = reader.u8(dash + 71)
        packet.brake = reader.u8(dash + 72)
        packet.clutch = reader.u8(dash + 73)
        packet.handBrake = reader.u8(dash + 74)
        packet.gear = reader.u8(dash + 75)
        packet.steer = reader.i8(dash + 76)
        packet.trackOrdinal = format == .motorsport2023Dash ? reader.i32(327) : nil
        return packet
    }

    /// The datagram the game sends (the fakes); fields not kept here are left zero.
    public var bytes: [UInt8] {
        var writer = DatagramWriter(length: format.length)
        let dash = format.dashOffset ?? 232
        writer.i32(0, isRaceOn)
        writer.u32(4, timestampMs)
        writer.f32(8, engineMaxRpm)
        writer.f32(12, engineIdleRpm)
        writer.f32(16, currentEngineRpm)
        writer.vector(20, acceleration)
        writer.vector(32, velocity)
        writer.vector(44, angularVelocity)
        writer.i32(212, carOrdinal)
        writer.i32(216, carClass)
        writer.i32(220, carPerformanceIndex)
        writer.i32(224, drivetrainType)
        writer.i32(228, numCylinders)
        guard format != .sled else { return writer.bytes }
        writer.vector(dash, position)
        writer.f32(dash + 12, speed)
        writer.f32(dash + 16, power)
        writer.f32(dash + 20, torque)
        writer.f32(dash + 40, boost)
        writer.f32(dash + 44, fuel)
        writer.f32(dash + 48, distanceTraveled)
        writer.f32(dash + 52, bestLap)
        writer.f32(dash + 56, lastLap)
        writer.f32(dash + 60, currentLap)
        writer.f32(dash + 64, currentRaceTime)
        writer.u16(dash + 68, lapNumber)
        writer.u8(dash + 70, racePosition)
        writer.u8(dash + 71, accel)
        writer.u8(dash + 72, brake)
        writer.u8(dash + 73, clutch)
        writer.u8(dash + 74, handBrake)
        writer.u8(dash + 75, gear)
        writer.i8(dash + 76, steer)
        if let trackOrdinal, format == .motorsport2023Dash { writer.i32(327, trackOrdinal) }
        return writer.bytes
    }
}
