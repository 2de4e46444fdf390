import SimTelemetry

/// Seed inputs for fuzz-sim-telemetry (its input format is in SimTelemetryFuzzer.swift): for each
/// sim, a car driving across the line at 40 m/s, with and without a given track length, written
/// with the packages' own encoders so every field sits where the decoders read it.
enum SimSeeds {
    static let packetsPerSeed = 40
    /// Packets at which the car crosses the line.
    static let crossing = 20

    static func all() -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        for lengthGiven in [UInt8(0), 0x80] {
            for (index, variant) in GT7PacketVariant.allCases.enumerated() {
                seeds.append([lengthGiven | 0] + gt7Plaintexts(variant).flatMap { [UInt8(index)] + $0 })
            }
            for (index, format) in ForzaFormat.allCases.enumerated() {
                seeds.append([lengthGiven | 1] + forzaPackets(format).flatMap { [UInt8(index)] + $0 })
            }
            seeds.append([lengthGiven | 2] + [1] + handshakeReply + acCarInfos().flatMap { [0] + $0 })
        }
        return seeds
    }

    /// The first four plaintext bytes of every GT7 packet ("0S7G"), taken from the codec itself.
    static let gt7Magic: [UInt8] = {
        let variant = GT7PacketVariant.a
        guard let datagram = try? GT7PacketCodec.encode(GT7Packet(variant: variant, packetID: 0), seed: 0),
              let plaintext = try? GT7Cipher.decrypt(datagram, mask: variant.nonceMask)
        else { fatalError("GT7 cipher unavailable (libsodium)") }
        return Array(plaintext.prefix(4))
    }()

    /// The datagram a console sends for `plaintext` (its magic written first), with the seed the
    /// plaintext holds at the seed offset; a plaintext too short to hold a seed is sent as it is.
    static func encryptAsConsole(plaintext: [UInt8], variant: GT7PacketVariant) -> [UInt8] {
        let seedEnd = GT7Cipher.seedOffset + 4
        guard plaintext.count >= seedEnd else { return plaintext }
        var plaintext = plaintext
        plaintext.replaceSubrange(0..<gt7Magic.count, with: gt7Magic)
        let seed = plaintext[GT7Cipher.seedOffset..<seedEnd].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return (try? GT7Cipher.encrypt(plaintext, seed: seed, mask: variant.nonceMask)) ?? plaintext
    }

    static func gt7Plaintexts(_ variant: GT7PacketVariant) -> [[UInt8]] {
        (0..<packetsPerSeed).compactMap { index in
            var packet = GT7Packet(variant: variant, packetID: Int32(1_000 + index))
            packet.flags = [.carOnTrack, .inGear]
            packet.lapCount = index < crossing ? 1 : 2
            packet.lastLapTimeMs = index < crossing ? -1 : 92_345
            packet.speed = 40
            packet.position = Vector3(x: Float(index) * 40 / 60, y: 0, z: 0)
            packet.velocity = Vector3(x: 40, y: 0, z: 0)
            packet.throttle = 230
            packet.engineRPM = 6_500
            packet.gears = 0x44
            packet.carCode = 365
            guard let datagram = try? GT7PacketCodec.encode(packet, seed: UInt32(index)) else { return nil }
            return try? GT7Cipher.decrypt(datagram, mask: variant.nonceMask)
        }
    }

    static func forzaPackets(_ format: ForzaFormat) -> [[UInt8]] {
        (0..<packetsPerSeed).map { index in
            var packet = ForzaDashPacket(format: format)
            packet.timestampMs = UInt32(index * 1_000 / 60)
            packet.lapNumber = index < crossing ? 0 : 1
            packet.currentLap = Float(index < crossing ? 80 + Double(index) / 60 : Double(index - crossing) / 60)
            packet.lastLap = index < crossing ? 0 : 80.33
            packet.distanceTraveled = 250 + Float(index) * 40 / 60
            packet.position = Vector3(x: Float(index) * 40 / 60, y: 0, z: 0)
            packet.speed = 40
            packet.accel = 230
            packet.gear = 4
            packet.currentEngineRpm = 6_500
            return packet.bytes
        }
    }

    static let handshakeReply = ACHandshakeResponse(
        carName: "ks_mazda_mx5_cup", driverName: "Fuzz", trackName: "magione", trackConfig: "").bytes

    static func acCarInfos() -> [[UInt8]] {
        (0..<packetsPerSeed).map { index in
            ACCarInfo(
                lapTime: Int32(index < crossing ? 80_000 + index * 1_000 / 60 : (index - crossing) * 1_000 / 60),
                lastLap: index < crossing ? 0 : 80_333, lapCount: index < crossing ? 0 : 1, speedMs: 40, gas: 0.9,
                engineRPM: 6_500, gear: 4, carPositionNormalized: index < crossing ? 0.99 + Float(index) / 4_000 : Float(index - crossing) / 4_000,
                carCoordinates: Vector3(x: Float(index) * 40 / 60, y: 0, z: 0)
            ).bytes
        }
    }
}
