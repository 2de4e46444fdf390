import Testing
@testable import SimTelemetry

@Suite struct ForzaPacketTests {
    static func sample(_ format: ForzaFormat) -> ForzaDashPacket {
        var packet = ForzaDashPacket(format: format)
        packet.timestampMs = 123_456
        packet.currentEngineRpm = 6_500
        packet.position = Vector3(x: 10, y: 1, z: -20)
        packet.speed = 55.25
        packet.distanceTraveled = 12_345.5
        packet.lastLap = 92.5
        packet.currentLap = 12.25
        packet.lapNumber = 7
        packet.racePosition = 3
        packet.accel = 255
        packet.brake = 12
        packet.clutch = 0
        packet.gear = 5
        packet.steer = -100
        packet.carOrdinal = 2_360
        if format == .motorsport2023Dash { packet.trackOrdinal = 3_000 }
        return packet
    }

    @Test(arguments: [ForzaFormat.motorsport7Dash, .horizonDash, .motorsport2023Dash])
    func dashPacketsRoundTripAtTheirFormatsOffsets(format: ForzaFormat) throws {
        let packet = Self.sample(format)
        let bytes = packet.bytes
        #expect(bytes.count == format.length)
        let reader = DatagramReader(bytes: bytes)
        // Speed at 244 (FM) or 256 (FH: 12 Horizon bytes first), gear at 307 / 319.
        let shift = format == .horizonDash ? 12 : 0
        #expect(reader.f32(244 + shift) == 55.25)
        #expect(reader.u8(307 + shift) == 5)
        #expect(reader.u16(300 + shift) == 7)
        #expect(try ForzaDashPacket.decode(bytes) == packet)
        if format == .motorsport2023Dash { #expect(reader.i32(327) == 3_000) }
    }

    @Test func sledAndOtherLengthsAreRefusedWithStableCodes() {
        #expect(throws: DatagramError.sledFormat) { try ForzaDashPacket.decode(ForzaDashPacket(format: .sled).bytes) }
        for length in [0, 231, 233, 310, 312, 323, 325, 330, 332, 1024] {
            #expect { try ForzaDashPacket.decode([UInt8](repeating: 1, count: length)) } throws: { ($0 as? DatagramError)?.code == "wrong_length" }
        }
    }
}
