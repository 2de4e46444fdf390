import SimTelemetry

/// The packets a console would have sent for a `GT7Recording`: one per row at 60 Hz with
/// consecutive ids, the lap counter and the game's last/best lap times as GT7 fills them, preceded
/// by the last `leadIn` rows of the final lap (lap 0, so the first lap starts at a crossing) and
/// followed by the first `leadOut` rows of the first lap (so the final lap ends at one).
public enum GT7RecordedStream {
    public static func packets(
        _ recording: GT7Recording, variant: GT7PacketVariant = .a, firstID: Int32 = 1000, leadIn: Int = 120, leadOut: Int = 120
    ) -> [GT7Packet] {
        let lastSeq = recording.laps.last!.seq
        let firstSeq = recording.laps.first!.seq
        var rows: [(row: GT7Recording.Row, lapCount: Int)] = recording.rows(ofSeq: lastSeq).suffix(leadIn).map { ($0, 0) }
        rows += recording.rows.map { ($0, $0.seq) }
        rows += recording.rows(ofSeq: firstSeq).prefix(leadOut).map { ($0, lastSeq + 1) }

        var packets: [GT7Packet] = []
        var previous: GT7Recording.Row?
        for (index, entry) in rows.enumerated() {
            let row = entry.row
            var packet = GT7Packet(variant: variant, packetID: firstID + Int32(index))
            packet.position = Vector3(x: Float(row.x), y: Float(row.y), z: Float(row.z))
            if let previous {
                packet.velocity = Vector3(x: Float((row.x - previous.x) * 60), y: Float((row.y - previous.y) * 60), z: Float((row.z - previous.z) * 60))
            }
            previous = row
            packet.speed = Float(row.speedKmh / 3.6)
            packet.throttle = UInt8((row.throttle * 255).rounded())
            packet.brake = UInt8((row.brake * 255).rounded())
            packet.engineRPM = Float(row.rpm ?? 0)
            // The recordings have no gear except Broad Bean's: the fake picks one by speed band.
            let gear = row.gear ?? [70.0, 110, 150, 190].filter { row.speedKmh >= $0 }.count + 2
            packet.gears = 0xF0 | GT7Gear.nibble(protocolGear: Int8(gear))
            packet.flags = [.carOnTrack, .inGear]
            packet.lapCount = Int16(entry.lapCount)
            packet.lapsInRace = 0
            let finished = recording.laps.filter { $0.seq < entry.lapCount }
            packet.lastLapTimeMs = finished.last.map { Int32(($0.gameTime * 1000).rounded()) } ?? -1
            packet.bestLapTimeMs = finished.map(\.gameTime).min().map { Int32(($0 * 1000).rounded()) } ?? -1
            packet.carCode = recording.carCode
            packet.clutchEngagement = 1
            packet.fuelCapacity = 100
            packet.fuelLevel = 100 - Float(index) * 0.0005
            packet.tyreRadius = WheelValues(all: 0.33)
            packet.wheelAngularSpeed = WheelValues(all: packet.speed / 0.33)
            packet.motion?.wheelRotation = 0
            packet.lapTimer?.currentLapTimeMs = 0
            packets.append(packet)
        }
        return packets
    }

    /// The game's lap time for each complete lap the stream holds (every lap of the recording).
    public static func lapTimes(_ recording: GT7Recording) -> [Int: Double] {
        Dictionary(uniqueKeysWithValues: recording.laps.map { ($0.seq, $0.gameTime) })
    }
}
