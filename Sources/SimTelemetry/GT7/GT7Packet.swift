/// One decrypted GT7 "Simulator Interface" packet: the base fields every variant has (§1.6 of
/// sim-telemetry-udp.md) and the extras of the longer variants. Units as the game sends them.
public struct GT7Packet: Sendable, Equatable {
    public var variant: GT7PacketVariant

    /// World metres; Y is up, the track plane is X/Z (0x04).
    public var position: Vector3
    /// World m/s (0x10).
    public var velocity: Vector3
    /// Body orientation quaternion x, y, z (0x1C) and w, "relative orientation to north" (0x28).
    public var rotation: Vector3
    public var orientationToNorth: Float
    /// rad/s (0x2C).
    public var angularVelocity: Vector3
    /// Metres (0x38).
    public var bodyHeight: Float
    public var engineRPM: Float
    /// Litres (PDTools) or a fraction (another source): passed through, never shown as litres (0x44).
    public var fuelLevel: Float
    public var fuelCapacity: Float
    /// m/s, positive even when reversing (0x4C).
    public var speed: Float
    /// Bar + 1 (0x50).
    public var turboBoost: Float
    public var oilPressure: Float
    /// Constants the game always sends (85 and 110): not real temperatures.
    public var waterTemperature: Float
    public var oilTemperature: Float
    /// °C (0x60).
    public var tyreSurfaceTemperature: WheelValues
    /// Rises by one per packet (0x70).
    public var packetID: Int32
    /// 0 before the first crossing, -1 in menus or after the race (0x74).
    public var lapCount: Int16
    public var lapsInRace: Int16
    /// Milliseconds, -1 when none (0x78, 0x7C).
    public var bestLapTimeMs: Int32
    public var lastLapTimeMs: Int32
    public var timeOfDayMs: Int32
    /// Grid position and car count before the start, -1 once the race runs (0x84).
    public var preRacePosition: Int16
    public var carsAtPreRace: Int16
    public var rpmAlertMin: Int16
    public var rpmAlertMax: Int16
    /// km/h at the current gearing (0x8C).
    public var calculatedMaxSpeed: Int16
    public var flags: GT7Flags
    /// Low nibble: current gear; high nibble: suggested gear, 15 = none (0x90).
    public var gears: UInt8
    /// 0...255 (0x91, 0x92).
    public var throttle: UInt8
    public var brake: UInt8
    /// 0x93, unused.
    public var unused0x93: UInt8
    public var roadPlane: Vector3
    public var roadPlaneDistance: Float
    /// rad/s (0xA4), metres (0xB4, 0xC4).
    public var wheelAngularSpeed: WheelValues
    public var tyreRadius: WheelValues
    public var suspensionHeight: WheelValues
    /// 32 bytes the game does not set (0xD4), as eight words.
    public var reserved: [Int32]
    /// 0...1 (0xF4, 0xF8).
    public var clutchPedal: Float
    public var clutchEngagement: Float
    public var rpmClutchToGearbox: Float
    public var transmissionTopSpeed: Float
    /// Gear ratios 1...8 (0x104..0x120; the 8th slot is usually empty).
    public var gearRatios: [Float]
    /// The game's internal car id (0x124).
    public var carCode: Int32

    /// Present in B, ~ and C.
    public var motion: GT7MotionExtras?
    /// Present in ~ and C.
    public var tilde: GT7TildeExtras?
    /// Present in C.
    public var lapTimer: GT7LapTimerExtras?

    /// Current gear nibble: 1...n forward; 0 and 15 per `GT7Gear`.
    public var currentGearNibble: UInt8 { gears & 0x0F }
    public var suggestedGearNibble: UInt8 { gears >> 4 }
}

extension GT7Packet {
    /// A packet with every field zero except what is given (the fakes fill in the rest).
    public init(variant: GT7PacketVariant, packetID: Int32) {
        self.init(
            variant: variant, position: .zero, velocity: .zero, rotation: .zero, orientationToNorth: 0,
            angularVelocity: .zero, bodyHeight: 0, engineRPM: 0, fuelLevel: 0, fuelCapacity: 0, speed: 0,
            turboBoost: 0, oilPressure: 0, waterTemperature: 85, oilTemperature: 110,
            tyreSurfaceTemperature: WheelValues(all: 0), packetID: packetID, lapCount: 0, lapsInRace: 0,
            bestLapTimeMs: -1, lastLapTimeMs: -1, timeOfDayMs: 0, preRacePosition: -1, carsAtPreRace: -1,
            rpmAlertMin: 0, rpmAlertMax: 0, calculatedMaxSpeed: 0, flags: [], gears: 0xF0, throttle: 0, brake: 0,
            unused0x93: 0, roadPlane: .zero, roadPlaneDistance: 0, wheelAngularSpeed: WheelValues(all: 0),
            tyreRadius: WheelValues(all: 0), suspensionHeight: WheelValues(all: 0),
            reserved: [Int32](repeating: 0, count: 8), clutchPedal: 0, clutchEngagement: 0, rpmClutchToGearbox: 0,
            transmissionTopSpeed: 0, gearRatios: [Float](repeating: 0, count: 8), carCode: 0,
            motion: variant == .a ? nil : GT7MotionExtras(),
            tilde: variant == .a || variant == .b ? nil : GT7TildeExtras(),
            lapTimer: variant == .c ? GT7LapTimerExtras() : nil)
    }
}
