import Testing
@testable import SimTelemetry

@Suite struct ACPacketTests {
    @Test func handshakeIsTwelveBytesOfLittleEndianInts() throws {
        #expect(ACHandshake(operation: .subscribeUpdate).bytes == [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0])
        #expect(ACHandshake(operation: .dismiss).bytes.suffix(4) == [3, 0, 0, 0])
        #expect(try ACHandshake.decode(ACHandshake(operation: .subscribeSpot).bytes).operation == .subscribeSpot)
        #expect(throws: DatagramError.badHeaderField("operationId 9")) { try ACHandshake.decode([1, 0, 0, 0, 1, 0, 0, 0, 9, 0, 0, 0]) }
    }

    @Test func handshakeReplyNamesAreUTF16CutAtThePercentSign() throws {
        // As the game sends them: the name, "%", then garbage (A4's sample "bmw_m3_e30_gra%").
        var bytes = ACHandshakeResponse(carName: "bmw_m3_e30_gra", driverName: "Ayşe Yılmaz", trackName: "ks_monza66", trackConfig: "").bytes
        bytes[2 * 15] = 0x41  // garbage after "%" in the car name
        let reply = try ACHandshakeResponse.decode(bytes)
        #expect(reply.carName == "bmw_m3_e30_gra")
        #expect(reply.driverName == "Ayşe Yılmaz")
        #expect(reply.trackName == "ks_monza66")
        #expect(reply.trackConfig == "")
        #expect(reply.identifier == 4242)
        // A name filling all 50 units has no terminator; an unpaired surrogate is replaced, not fatal.
        var long = DatagramWriter(length: 408)
        for index in 0..<50 { long.u16(2 * index, index == 3 ? 0xD800 : 0x61) }
        let odd = try ACHandshakeResponse.decode(long.bytes)
        #expect(odd.carName.count == 50 && odd.carName.contains("\u{FFFD}"))
    }

    @Test func carInfoFieldsSitAtTheAlignedOffsets() throws {
        let info = ACCarInfo(
            lapTime: 12_345, lastLap: 57_040, bestLap: 56_900, lapCount: 3, speedMs: 18.5, gas: 0.75, brake: 0.25,
            clutch: 1, engineRPM: 8_100, steer: -0.3, gear: 4, carPositionNormalized: 0.4321,
            carCoordinates: Vector3(x: 1, y: 2, z: 3), isInPit: true)
        let bytes = info.bytes
        #expect(bytes.count == 328)
        let reader = DatagramReader(bytes: bytes)
        // The 3 pad bytes after `identifier` and 2 after the six bools: a packed reader would miss these.
        #expect(reader.u8(0) == 0x61 && reader.i32(4) == 328)
        #expect(reader.i32(0x28) == 12_345 && reader.i32(0x34) == 3)
        #expect(reader.f32(0x134) == 0.4321)
        #expect(try ACCarInfo.decode(bytes) == info)
    }

    @Test func malformedCarInfoGetsStableCodes() {
        var bytes = ACCarInfo().bytes
        bytes[0] = 0x62
        #expect { try ACCarInfo.decode(bytes) } throws: { ($0 as? DatagramError)?.code == "bad_header_field" }
        bytes = ACCarInfo().bytes
        bytes[4] = 0x10
        #expect { try ACCarInfo.decode(bytes) } throws: { ($0 as? DatagramError)?.code == "bad_header_field" }
        for length in [0, 212, 327, 329, 408] {
            #expect { try ACCarInfo.decode([UInt8](repeating: 0x61, count: length)) } throws: { ($0 as? DatagramError)?.code == "wrong_length" }
        }
    }
}
