import Testing
@testable import SimTelemetry

@Suite struct GT7PacketCodecTests {
    static func sample(_ variant: GT7PacketVariant) -> GT7Packet {
        var packet = GT7Packet(variant: variant, packetID: 4711)
        packet.position = Vector3(x: -143.5, y: -3.0, z: -403.7)
        packet.speed = 65.8
        packet.engineRPM = 7123
        packet.throttle = 255
        packet.brake = 17
        packet.gears = 0x34
        packet.lapCount = 3
        packet.lastLapTimeMs = 46_240
        packet.flags = [.carOnTrack, .inGear, .tcsActive]
        packet.carCode = 365
        packet.gearRatios = [3.1, 2.2, 1.6, 1.3, 1.1, 0.9, 0.8, 0]
        packet.reserved = [1, 2, 3, 4, 5, 6, 7, 8]
        packet.motion?.wheelRotation = -0.42
        packet.tilde?.energyRecovery = 12.5
        packet.tilde?.throttleOtherTap = 200
        packet.lapTimer?.currentLapTimeMs = 12_345
        packet.lapTimer?.carCategory = Array("GR3\0".utf8)
        return packet
    }

    @Test(arguments: GT7PacketVariant.allCases)
    func encryptedPacketsDecodeToTheSameFields(variant: GT7PacketVariant) throws {
        let packet = Self.sample(variant)
        let datagram = try GT7PacketCodec.encode(packet, seed: 0x1234_5678)
        #expect(datagram.count == variant.length)
        // Encrypted: the magic is not readable in the clear, and the seed is.
        #expect(Array(datagram[0..<4]) != Array("0S7G".utf8))
        #expect(DatagramReader(bytes: datagram).u32(0x40) == 0x1234_5678)
        #expect(try GT7PacketCodec.decode(datagram) == packet)
    }

    @Test func theMaskComesFromTheLengthNotFromTheLetterAsked() throws {
        // A console locked on "A" by another app answers our "B" heartbeat with 296-byte packets.
        let datagram = try GT7PacketCodec.encode(Self.sample(.a), seed: 99)
        #expect(try GT7PacketCodec.decode(datagram).variant == .a)
        // Decrypting the same bytes with B's mask does not give the magic.
        let wrong = try GT7Cipher.decrypt(datagram, mask: GT7PacketVariant.b.nonceMask)
        #expect(Array(wrong[0..<4]) != Array("0S7G".utf8))
    }

    @Test func everyOtherLengthIsRefusedWithAStableCode() {
        for length in [0, 1, 0x43, 0x44, 0x94, 295, 297, 315, 317, 343, 345, 367, 369, 1500] {
            #expect(throws: DatagramError.wrongLength(length, accepted: [296, 316, 344, 368])) {
                try GT7PacketCodec.decode([UInt8](repeating: 0xAB, count: length))
            }
        }
        #expect(DatagramError.wrongLength(1, accepted: []).code == "wrong_length")
    }

    @Test func aPacketWithTheWrongKeyOrNoEncryptionIsBadMagic() throws {
        let plaintext = GT7PacketLayout.write(Self.sample(.b))
        #expect { try GT7PacketCodec.decode(plaintext) } throws: { ($0 as? DatagramError)?.code == "bad_magic" }
        var tampered = try GT7PacketCodec.encode(Self.sample(.b), seed: 7)
        tampered[0x40] ^= 0x01  // another seed: another key stream
        #expect { try GT7PacketCodec.decode(tampered) } throws: { ($0 as? DatagramError)?.code == "bad_magic" }
    }

    @Test func randomDatagramsNeverCrashTheDecoder() {
        var generator = SystemRandomNumberGenerator()
        var refused = 0
        for _ in 0..<2_000 {
            let length = [296, 316, 344, 368, Int.random(in: 0...400, using: &generator)].randomElement(using: &generator)!
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if (try? GT7PacketCodec.decode(bytes)) == nil { refused += 1 }
        }
        // A random datagram decrypting to "0S7G" is a 1-in-2^32 event.
        #expect(refused == 2_000)
    }

    @Test func flagsAndGearsReadAsTheReferenceSays() {
        var packet = GT7Packet(variant: .a, packetID: 1)
        packet.flags = [.carOnTrack]
        #expect(packet.flags.isDriving)
        packet.flags = [.carOnTrack, .paused]
        #expect(!packet.flags.isDriving)
        packet.flags = [.carOnTrack, .loading]
        #expect(!packet.flags.isDriving)
        packet.flags = []
        #expect(!packet.flags.isDriving)
        packet.gears = 0xF3
        #expect(packet.currentGearNibble == 3 && packet.suggestedGearNibble == 15)
        #expect(GT7Gear.protocolGear(nibble: 0) == -1)
        #expect(GT7Gear.protocolGear(nibble: 15) == 0)
        #expect(GT7Gear.protocolGear(nibble: 7) == 7)
        for gear: Int8 in -1...8 { #expect(GT7Gear.protocolGear(nibble: GT7Gear.nibble(protocolGear: gear)) == gear) }
    }
}
