/// AC's `RTCarInfo`, pushed after SUBSCRIBE_UPDATE on every physics step: 328 bytes, little-endian,
/// C natural alignment (3 pad bytes after `identifier`, 2 after the six bools) (§2.5 of
/// sim-telemetry-udp.md). Only the fields the client uses or checks are kept.
public struct ACCarInfo: Sendable, Equatable {
    public static let length = 328

    /// `'a'`.
    public var identifier: UInt8
    /// 328.
    public var size: Int32
    public var speedKmh: Float
    public var speedMph: Float
    public var speedMs: Float
    public var isAbsEnabled: Bool
    public var isAbsInAction: Bool
    public var isTcInAction: Bool
    public var isTcEnabled: Bool
    public var isInPit: Bool
    public var isEngineLimiterOn: Bool
    /// g.
    public var accGVertical: Float
    public var accGHorizontal: Float
    public var accGFrontal: Float
    /// Milliseconds: the current lap, the last and the best (0x28, 0x2C, 0x30).
    public var lapTime: Int32
    public var lastLap: Int32
    public var bestLap: Int32
    /// Completed laps (0x34).
    public var lapCount: Int32
    /// 0...1 (0x38..0x40).
    public var gas: Float
    public var brake: Float
    public var clutch: Float
    public var engineRPM: Float
    /// Units undocumented (0x48).
    public var steer: Float
    /// Undocumented encoding; AC's shared memory uses 0 = R, 1 = N, 2 = first (0x4C).
    public var gear: Int32
    public var cgHeight: Float
    /// 0...1 along the lap spline (0x134).
    public var carPositionNormalized: Float
    public var carSlope: Float
    /// World metres (0x13C).
    public var carCoordinates: Vector3

    public init(
        lapTime: Int32 = 0, lastLap: Int32 = 0, bestLap: Int32 = 0, lapCount: Int32 = 0, speedMs: Float = 0,
        gas: Float = 0, brake: Float = 0, clutch: Float = 1, engineRPM: Float = 0, steer: Float = 0, gear: Int32 = 1,
        carPositionNormalized: Float = 0, carCoordinates: Vector3 = .zero, isInPit: Bool = false
    ) {
        identifier = 0x61
        size = Int32(Self.length)
        speedKmh = speedMs * 3.6
        speedMph = speedMs * 2.236_936
        self.speedMs = speedMs
        isAbsEnabled = false
        isAbsInAction = false
        isTcInAction = false
        isTcEnabled = false
        self.isInPit = isInPit
        isEngineLimiterOn = false
        accGVertical = 0
        accGHorizontal = 0
        accGFrontal = 0
        self.lapTime = lapTime
        self.lastLap = lastLap
        self.bestLap = bestLap
        self.lapCount = lapCount
        self.gas = gas
        self.brake = brake
        self.clutch = clutch
        self.engineRPM = engineRPM
        self.steer = steer
        self.gear = gear
        cgHeight = 0
        self.carPositionNormalized = carPositionNormalized
        carSlope = 0
        self.carCoordinates = carCoordinates
    }

    public static func decode(_ bytes: [UInt8]) throws(DatagramError) -> ACCarInfo {
        guard bytes.count == length else { throw .wrongLength(bytes.count, accepted: [length]) }
        let reader = DatagramReader(bytes: bytes)
        guard reader.u8(0) == 0x61 else { throw .badHeaderField("identifier 0x\(String(reader.u8(0), radix: 16)), not 'a'") }
        guard reader.i32(4) == Int32(length) else { throw .badHeaderField("size \(reader.i32(4)), not \(length)") }
        var info = ACCarInfo()
        info.speedKmh = reader.f32(0x08)
        info.speedMph = reader.f32(0x0C)
        info.speedMs = reader.f32(0x10)
        info.isAbsEnabled = reader.u8(0x14) != 0
        info.isAbsInAction = reader.u8(0x15) != 0
        info.isTcInAction = reader.u8(0x16) != 0
        info.isTcEnabled = reader.u8(0x17) != 0
        info.isInPit = reader.u8(0x18) != 0
        info.isEngineLimiterOn = reader.u8(0x19) != 0
        info.accGVertical = reader.f32(0x1C)
        info.accGHorizontal = reader.f32(0x20)
        info.accGFrontal = reader.f32(0x24)
        info.lapTime = reader.i32(0x28)
        info.lastLap = reader.i32(0x2C)
        info.bestLap = reader.i32(0x30)
        info.lapCount = reader.i32(0x34)
        info.gas = reader.f32(0x38)
        info.brake = reader.f32(0x3C)
        info.clutch = reader.f32(0x40)
        info.engineRPM = reader.f32(0x44)
        info.steer = reader.f32(0x48)
        info.gear = reader.i32(0x4C)
        info.cgHeight = reader.f32(0x50)
        info.carPositionNormalized = reader.f32(0x134)
        info.carSlope = reader.f32(0x138)
        info.carCoordinates = reader.vector(0x13C)
        return info
    }

    /// The datagram the game sends (the fakes); the per-wheel arrays are left zero.
    public var bytes: [UInt8] {
        var writer = DatagramWriter(length: Self.length)
        writer.u8(0x00, identifier)
        writer.i32(0x04, size)
        writer.f32(0x08, speedKmh)
        writer.f32(0x0C, speedMph)
        writer.f32(0x10, speedMs)
        for (offset, flag) in [(0x14, isAbsEnabled), (0x15, isAbsInAction), (0x16, isTcInAction), (0x17, isTcEnabled), (0x18, isInPit), (0x19, isEngineLimiterOn)] {
            writer.u8(offset, flag ? 1 : 0)
        }
        writer.f32(0x1C, accGVertical)
        writer.f32(0x20, accGHorizontal)
        writer.f32(0x24, accGFrontal)
        writer.i32(0x28, lapTime)
        writer.i32(0x2C, lastLap)
        writer.i32(0x30, bestLap)
        writer.i32(0x34, lapCount)
        writer.f32(0x38, gas)
        writer.f32(0x3C, brake)
        writer.f32(0x40, clutch)
        writer.f32(0x44, engineRPM)
        writer.f32(0x48, steer)
        writer.i32(0x4C, gear)
        writer.f32(0x50, cgHeight)
        writer.f32(0x134, carPositionNormalized)
        writer.f32(0x138, carSlope)
        writer.vector(0x13C, carCoordinates)
        return writer.bytes
    }
}
