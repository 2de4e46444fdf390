import SimTelemetry
import Testing

/// Values a datagram can carry, however absurd, end in a refusal or a note, never in a trap
/// that kills the client (fuzz-sim-telemetry, docs/fuzzing.md).
@Suite struct HostilePacketValueTests {
    static func notes(_ updates: [SimUpdate]) -> [String] {
        updates.compactMap { if case .note(let note) = $0 { note } else { nil } }
    }

    /// The fuzzer's crash: a GT7 car teleported 3e38 m while its path was recorded, and the
    /// refusal wrote the jump with `Int(_:)`.
    @Test func aTeleportBeyondIntsRangeIsRefusedAsAJump() {
        var recorder = TrackPathRecorder()
        for index in 0..<10 { recorder.add(x: Double(index), z: 0) }
        recorder.add(x: Double(Float.greatestFiniteMagnitude), z: -Double(Float.greatestFiniteMagnitude))
        guard case .failure(let refusal) = recorder.finish() else { Issue.record("a teleport made a path"); return }
        #expect(refusal.reason.hasPrefix("the car jumped 4.8"), "\(refusal.reason)")
    }

    @Test func aForzaLapOfAnyLengthIsMeasuredWithoutATrap() {
        var mapper = ForzaFrameMapper(configuration: .init(trackName: "T"))
        var updates: [SimUpdate] = []
        for (lap, travelled) in [(UInt16(0), Float(0)), (1, 10), (2, 3e38)] {
            var packet = ForzaDashPacket(format: .horizonDash)
            packet.lapNumber = lap
            packet.currentLap = 1
            packet.lastLap = lap == 0 ? 0 : 60
            packet.distanceTraveled = travelled
            updates += mapper.process(packet)
        }
        #expect(mapper.trackLength == Double(Float(3e38)) - 10)
        #expect(Self.notes(updates).contains { $0.hasPrefix("track length measured: 3") })
    }

    @Test func assettoCorsaLapCountsAtInt32sEndWrapAndAnyMeasuredLengthIsANote() {
        let handshake = ACHandshakeResponse(carName: "car", driverName: "d", trackName: "t", trackConfig: "")
        var mapper = ACFrameMapper(configuration: .init(), handshake: handshake)
        var updates: [SimUpdate] = []
        // Laps counted up to Int32.max: the next count wraps to Int32.min, which is a crossing,
        // and ends the measured lap (1e30 m/s for a second).
        for (index, lapCount) in [Int32.max - 1, .max, .max, .min].enumerated() {
            updates += mapper.process(ACCarInfo(lapTime: Int32(index * 1_000), lapCount: lapCount, speedMs: 1e30))
        }
        #expect(mapper.trackLength.map { $0 > 1e29 } == true, "\(String(describing: mapper.trackLength))")
        #expect(Self.notes(updates).contains { $0.hasPrefix("track length measured: ") && $0.hasSuffix("e+30 m") })
    }

    @Test func gt7LapCountsAtInt16sEndAreNotACrossing() {
        var mapper = GT7FrameMapper(configuration: GT7SessionConfiguration(trackName: "T", trackLength: 1_000))
        var frames = 0
        for index in 0..<3 {
            var packet = GT7Packet(variant: .a, packetID: Int32(index + 1))
            packet.flags = [.carOnTrack]
            packet.lapCount = .max
            packet.speed = 10
            frames += mapper.process(packet).filter { if case .frame = $0 { true } else { false } }.count
        }
        #expect(frames == 3)
    }
}
