/// Where each base field of a decrypted GT7 packet sits: the one place with the offsets of
/// §1.6 of sim-telemetry-udp.md (PDTools' `SimulatorPacket.Read` order, gt7dashboard's offsets).
enum GT7PacketLayout {
    /// "0S7G" read as a little-endian u32.
    static let magic: UInt32 = 0x4737_5330

    static func read(_ reader: DatagramReader, variant: GT7PacketVariant) -> GT7Packet {
        GT7Packet(
            variant: variant,
            position: reader.vector(0x04), velocity: reader.vector(0x10), rotation: reader.vector(0x1C),
            orientationToNorth: reader.f32(0x28), angularVelocity: reader.vector(0x2C),
            bodyHeight: reader.f32(0x38), engineRPM: reader.f32(0x3C),
            // 0x40..0x43: the nonce seed, junk after decryption.
            fuelLevel: reader.f32(0x44), fuelCapacity: reader.f32(0x48), speed: reader.f32(0x4C),
            turboBoost: reader.f32(0x50), oilPressure: reader.f32(0x54), waterTemperature: reader.f32(0x58),
            oilTemperature: reader.f32(0x5C), tyreSurfaceTemperature: reader.wheels(0x60),
            packetID: reader.i32(0x70), lapCount: reader.i16(0x74), lapsInRace: reader.i16(0x76),
            bestLapTimeMs: reader.i32(0x78), lastLapTimeMs: reader.i32(0x7C), timeOfDayMs: reader.i32(0x80),
            preRacePosition: reader.i16(0x84), carsAtPreRace: reader.i16(0x86),
            rpmAlertMin: reader.i16(0x88), rpmAlertMax: reader.i16(0x8A), calculatedMaxSpeed: reader.i16(0x8C),
            flags: GT7Flags(rawValue: reader.u16(0x8E)),
            gears: reader.u8(0x90), throttle: reader.u8(0x91), brake: reader.u8(0x92), unused0x93: reader.u8(0x93),
            roadPlane: reader.vector(0x94), roadPlaneDistance: reader.f32(0xA0),
            wheelAngularSpeed: reader.wheels(0xA4), tyreRadius: reader.wheels(0xB4),
            suspensionHeight: reader.wheels(0xC4),
            reserved: (0..<8).map { reader.i32(0xD4 + 4 * $0) },
            clutchPedal: reader.f32(0xF4), clutchEngagement: reader.f32(0xF8),
            rpmClutchToGearbox: reader.f32(0xFC), transmissionTopSpeed: reader.f32(0x100),
            gearRatios: (0..<8).map { reader.f32(0x104 + 4 * $0) },
            carCode: reader.i32(0x124),
            motion: variant == .a ? nil : GT7MotionExtras(reader),
            tilde: variant == .a || variant == .b ? nil : GT7TildeExtras(reader),
            lapTimer: variant == .c ? GT7LapTimerExtras(reader) : nil)
    }

    static func write(_ packet: GT7Packet) -> [UInt8] {
        var writer = DatagramWriter(length: packet.variant.length)
        writer.u32(0x00, magic)
        writer.vector(0x04, packet.position)
        writer.vector(0x10, packet.velocity)
        writer.vector(0x1C, packet.rotation)
        writer.f32(0x28, packet.orientationToNorth)
        writer.vector(0x2C, packet.angularVelocity)
        writer.f32(0x38, packet.bodyHeight)
        writer.f32(0x3C, packet.engineRPM)
        writer.f32(0x44, packet.fuelLevel)
        writer.f32(0x48, packet.fuelCapacity)
        writer.f32(0x4C, packet.speed)
        writer.f32(0x50, packet.turboBoost)
        writer.f32(0x54, packet.oilPressure)
        writer.f32(0x58, packet.waterTemperature)
        writer.f32(0x5C, packet.oilTemperature)
        writer.wheels(0x60, packet.tyreSurfaceTemperature)
        writer.i32(0x70, packet.packetID)
        writer.i16(0x74, packet.lapCount)
        writer.i16(0x76, packet.lapsInRace)
        writer.i32(0x78, packet.bestLapTimeMs)
        writer.i32(0x7C, packet.lastLapTimeMs)
        writer.i32(0x80, packet.timeOfDayMs)
        writer.i16(0x84, packet.preRacePosition)
        writer.i16(0x86, packet.carsAtPreRace)
        writer.i16(0x88, packet.rpmAlertMin)
        writer.i16(0x8A, packet.rpmAlertMax)
        writer.i16(0x8C, packet.calculatedMaxSpeed)
        writer.u16(0x8E, packet.flags.rawValue)
        writer.u8(0x90, packet.gears)
        writer.u8(0x91, packet.throttle)
        writer.u8(0x92, packet.brake)
        writer.u8(0x93, packet.unused0x93)
        writer.vector(0x94, packet.roadPlane)
        writer.f32(0xA0, packet.roadPlaneDistance)
        writer.wheels(0xA4, packet.wheelAngularSpeed)
        writer.wheels(0xB4, packet.tyreRadius)
        writer.wheels(0xC4, packet.suspensionHeight)
        for (index, word) in packet.reserved.prefix(8).enumerated() { writer.i32(0xD4 + 4 * index, word) }
        writer.f32(0xF4, packet.clutchPedal)
        writer.f32(0xF8, packet.clutchEngagement)
        writer.f32(0xFC, packet.rpmClutchToGearbox)
        writer.f32(0x100, packet.transmissionTopSpeed)
        for (index, ratio) in packet.gearRatios.prefix(8).enumerated() { writer.f32(0x104 + 4 * index, ratio) }
        writer.i32(0x124, packet.carCode)
        if packet.variant != .a { (packet.motion ?? GT7MotionExtras()).write(to: &writer) }
        if packet.variant == .tilde || packet.variant == .c { (packet.tilde ?? GT7TildeExtras()).write(to: &writer) }
        if packet.variant == .c { (packet.lapTimer ?? GT7LapTimerExtras()).write(to: &writer) }
        return writer.bytes
    }
}
