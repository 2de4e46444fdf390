import Foundation
import SimTelemetry
import SimTestSupport
import TestSupport
import Testing

/// Two independent GT7 implementations on the same datagrams: ours (libsodium's Salsa20, our
/// layout) and gt-telem (PyPI; pycryptodome's Salsa20, its own parser), run through
/// scripts/gt7_telem_decode.py. Datagrams are built from the real Brands Hatch laps, with every
/// field gt-telem reads given a value (so a misplaced field cannot hide behind a zero) and a
/// different nonce seed per packet, in all four variants.
@Suite struct GT7TelemAgreementTests {
    static let python = PyirsdkTool.interpreter(importing: "gt_telem")
    static let skipReason = "skipped: no python3 with gt-telem (run scripts/install-python-deps.sh, as scripts/test.sh does)"

    /// Deterministic filler for the fields a recording does not have.
    struct Filler {
        var state: UInt64
        mutating func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int32(truncatingIfNeeded: state >> 33) % 100_000) / 97
        }
        mutating func wheels() -> WheelValues { WheelValues(frontLeft: next(), frontRight: next(), rearLeft: next(), rearRight: next()) }
        mutating func vector() -> Vector3 { Vector3(x: next(), y: next(), z: next()) }
        mutating func small() -> Int16 { Int16(next().rounded()) }
        mutating func byte() -> UInt8 { UInt8(Int(abs(next()).rounded()) % 256) }
    }

    static func packets(_ recording: GT7Recording) -> [GT7Packet] {
        var filler = Filler(state: 42)
        var result: [GT7Packet] = []
        for variant in GT7PacketVariant.allCases {
            for var packet in GT7RecordedStream.packets(recording, variant: variant).enumerated().filter({ $0.offset % 97 == 0 }).map(\.element) {
                packet.rotation = filler.vector()
                packet.orientationToNorth = filler.next()
                packet.angularVelocity = filler.vector()
                packet.bodyHeight = filler.next()
                packet.turboBoost = filler.next()
                packet.oilPressure = filler.next()
                packet.tyreSurfaceTemperature = filler.wheels()
                packet.lapsInRace = filler.small()
                packet.timeOfDayMs = Int32(abs(filler.next()) * 1000)
                packet.preRacePosition = filler.small()
                packet.carsAtPreRace = filler.small()
                packet.rpmAlertMin = filler.small()
                packet.rpmAlertMax = filler.small()
                packet.calculatedMaxSpeed = filler.small()
                packet.flags = GT7Flags(rawValue: UInt16(filler.byte()) << 4 | 0x1)
                packet.unused0x93 = filler.byte()
                packet.roadPlane = filler.vector()
                packet.roadPlaneDistance = filler.next()
                packet.suspensionHeight = filler.wheels()
                packet.reserved = (0..<8).map { _ in Int32(filler.next() * 10) }
                packet.clutchPedal = filler.next()
                packet.rpmClutchToGearbox = filler.next()
                packet.transmissionTopSpeed = filler.next()
                packet.gearRatios = (0..<8).map { _ in filler.next() }
                if variant != .a {
                    packet.motion = GT7MotionExtras()
                    packet.motion?.wheelRotation = filler.next()
                    packet.motion?.fillerFloatFB = filler.next()
                    packet.motion?.sway = filler.next()
                    packet.motion?.heave = filler.next()
                    packet.motion?.surge = filler.next()
                }
                if variant == .tilde || variant == .c {
                    packet.tilde?.throttleOtherTap = filler.byte()
                    packet.tilde?.brakeOtherTap = filler.byte()
                    packet.tilde?.energyRecovery = filler.next()
                }
                result.append(packet)
            }
        }
        return result
    }

    /// Every field gt-telem parses, as our decoder read it (keys are gt-telem's names).
    static func fields(_ p: GT7Packet) -> [String: Double] {
        var f: [String: Double] = [:]
        func put(_ names: [String], _ values: [Float]) { for (name, value) in zip(names, values) { f[name] = Double(value) } }
        put(["position_x", "position_y", "position_z"], [p.position.x, p.position.y, p.position.z])
        put(["velocity_x", "velocity_y", "velocity_z"], [p.velocity.x, p.velocity.y, p.velocity.z])
        put(["rotation_x", "rotation_y", "rotation_z", "orientation"], [p.rotation.x, p.rotation.y, p.rotation.z, p.orientationToNorth])
        put(["ang_vel_x", "ang_vel_y", "ang_vel_z"], [p.angularVelocity.x, p.angularVelocity.y, p.angularVelocity.z])
        put(["body_height", "engine_rpm", "fuel_level", "fuel_capacity", "speed_mps", "boost_pressure", "oil_pressure", "water_temp", "oil_temp"],
            [p.bodyHeight, p.engineRPM, p.fuelLevel, p.fuelCapacity, p.speed, p.turboBoost, p.oilPressure, p.waterTemperature, p.oilTemperature])
        put(["tire_fl_temp", "tire_fr_temp", "tire_rl_temp", "tire_rr_temp"], p.tyreSurfaceTemperature.inOrder)
        let integers: [(String, Int)] = [
            ("packet_id", Int(p.packetID)), ("current_lap", Int(p.lapCount)), ("total_laps", Int(p.lapsInRace)),
            ("best_lap_time_ms", Int(p.bestLapTimeMs)), ("last_lap_time_ms", Int(p.lastLapTimeMs)),
            ("time_of_day_ms", Int(p.timeOfDayMs)), ("race_start_pos", Int(p.preRacePosition)), ("total_cars", Int(p.carsAtPreRace)),
            ("min_alert_rpm", Int(p.rpmAlertMin)), ("max_alert_rpm", Int(p.rpmAlertMax)), ("calc_max_speed", Int(p.calculatedMaxSpeed)),
            ("flags", Int(Int16(bitPattern: p.flags.rawValue))), ("bits", Int(p.gears)), ("throttle", Int(p.throttle)),
            ("brake", Int(p.brake)), ("empty", Int(p.unused0x93)), ("car_code", Int(p.carCode)),
        ] + p.reserved.enumerated().map { ("unused\($0.offset + 1)", Int($0.element)) }
        for (name, value) in integers { f[name] = Double(value) }
        put(["road_plane_x", "road_plane_y", "road_plane_z", "road_plane_dist"], [p.roadPlane.x, p.roadPlane.y, p.roadPlane.z, p.roadPlaneDistance])
        put(["wheel_fl_rps", "wheel_fr_rps", "wheel_rl_rps", "wheel_rr_rps"], p.wheelAngularSpeed.inOrder)
        put(["tire_fl_radius", "tire_fr_radius", "tire_rl_radius", "tire_rr_radius"], p.tyreRadius.inOrder)
        put(["tire_fl_sus_height", "tire_fr_sus_height", "tire_rl_sus_height", "tire_rr_sus_height"], p.suspensionHeight.inOrder)
        put(["clutch_pedal", "clutch_engagement", "trans_rpm", "trans_top_speed"], [p.clutchPedal, p.clutchEngagement, p.rpmClutchToGearbox, p.transmissionTopSpeed])
        put((1...8).map { "gear\($0)" }, p.gearRatios)
        if let motion = p.motion, p.variant != .tilde {
            put(["wheel_rotation_radians", "filler_float_fb", "sway", "heave", "surge"],
                [motion.wheelRotation, motion.fillerFloatFB, motion.sway, motion.heave, motion.surge])
        }
        return f
    }

    @Test func gtTelemAndOurDecoderAgreeOnEveryFieldOfTheSamePackets() throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        guard let python = Self.python else { print(Self.skipReason); return }
        let packets = Self.packets(recording)
        var seeds = SystemRandomNumberGenerator()
        let datagrams = try packets.map { try GT7PacketCodec.encode($0, seed: UInt32.random(in: 0...UInt32.max, using: &seeds)) }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("gt7-agreement-\(UUID().uuidString).hex")
        defer { try? FileManager.default.removeItem(at: input) }
        try datagrams.map { $0.map { String(format: "%02x", $0) }.joined() }.joined(separator: "\n").write(to: input, atomically: true, encoding: .ascii)
        let script = TestData.packageRoot.appendingPathComponent("scripts/gt7_telem_decode.py").path
        let output = try PyirsdkTool.run(python, [script, input.path])
        let lines = output.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == datagrams.count)

        var compared = 0
        for (datagram, line) in zip(datagrams, lines) {
            let theirs = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let ours = try GT7PacketCodec.decode(datagram)
            let floats = Set(theirs["float32_bits"] as? [String] ?? [])
            for (name, value) in Self.fields(ours) {
                let number = try #require(theirs[name] as? NSNumber, "gt-telem has no \(name)")
                let their = floats.contains(name) ? Double(Float(bitPattern: number.uint32Value)) : number.doubleValue
                #expect(their == value, "\(ours.variant) packet \(ours.packetID): \(name) is \(their) in gt-telem, \(value) here")
                compared += 1
            }
            if ours.variant == .tilde {
                // gt-telem 1.2.1 reads the "~" extras right after the A block (0x128), skipping B's
                // five floats; PDTools and the sizes (316 + 28 = 344) put them at 0x13C. Both read
                // the same bytes: gt-telem's "throttle_filtered" is the byte we read at 0x128.
                let plaintext = try GT7Cipher.decrypt(datagram, mask: GT7PacketVariant.tilde.nonceMask)
                #expect((theirs["throttle_filtered"] as? NSNumber)?.intValue == Int(plaintext[0x128]))
                #expect((theirs["brake_filtered"] as? NSNumber)?.intValue == Int(plaintext[0x129]))
            }
        }
        // 4 variants of every 97th packet, 90-odd fields each.
        #expect(compared > 1_000 * 4 * 9)
        print("GT7 agreement: \(datagrams.count) datagrams, \(compared) field values equal in gt-telem and here")
    }
}
