import SimTelemetry

/// The real GT7 laps replayed as Assetto Corsa and Forza would send them, built from the
/// documented layouts (§2.5, §3.3-§3.6 of sim-telemetry-udp.md): the same positions, speed and
/// pedals, each sim's own lap bookkeeping (AC's normalised spline position and ms timers, Forza's
/// cumulative `DistanceTraveled`, 0-based lap numbers and float-second timers).
public enum RecordedOtherSims {
    /// The recording's reference-lap length: `dist_ref_m` runs from 0 to about this.
    public static func referenceLength(_ recording: GT7Recording) -> Double {
        recording.rows.map(\.referenceDistance).filter(\.isFinite).max() ?? 1
    }

    /// One RTCarInfo per row of laps `seqs`, lap counts as AC keeps them (completed laps).
    public static func acCarInfos(_ recording: GT7Recording, seqs: ClosedRange<Int>) -> [ACCarInfo] {
        let length = referenceLength(recording)
        let times = GT7RecordedStream.lapTimes(recording)
        var infos: [ACCarInfo] = []
        for seq in seqs {
            for (index, row) in recording.rows(ofSeq: seq).enumerated() {
                let fraction = min(max(row.referenceDistance / length, 0), 0.99999)
                infos.append(ACCarInfo(
                    lapTime: Int32(index * 1000 / 60), lastLap: Int32(((times[seq - 1] ?? 0) * 1000).rounded()),
                    lapCount: Int32(seq - 1), speedMs: Float(row.speedKmh / 3.6), gas: Float(row.throttle), brake: Float(row.brake),
                    engineRPM: Float(row.rpm ?? 0), gear: 4, carPositionNormalized: Float(fraction),
                    carCoordinates: Vector3(x: Float(row.x), y: Float(row.y), z: Float(row.z))))
            }
        }
        return infos
    }

    /// One dash packet per row of laps `seqs`, in `format`.
    public static func forzaPackets(_ recording: GT7Recording, seqs: ClosedRange<Int>, format: ForzaFormat) -> [ForzaDashPacket] {
        let times = GT7RecordedStream.lapTimes(recording)
        var packets: [ForzaDashPacket] = []
        var travelled = 250.0  // the session started before these laps
        for seq in seqs {
            for (index, row) in recording.rows(ofSeq: seq).enumerated() {
                var packet = ForzaDashPacket(format: format)
                packet.timestampMs = UInt32(truncatingIfNeeded: 4_294_960_000 + packets.count * 1000 / 60)  // wraps on the way
                packet.position = Vector3(x: Float(row.x), y: Float(row.y), z: Float(row.z))
                packet.speed = Float(row.speedKmh / 3.6)
                travelled += Double(packet.speed) / 60
                packet.distanceTraveled = Float(travelled)
                packet.currentLap = Float(index) / 60
                packet.lastLap = Float(times[seq - 1] ?? 0)
                packet.lapNumber = UInt16(seq - 1)
                packet.accel = UInt8((row.throttle * 255).rounded())
                packet.brake = UInt8((row.brake * 255).rounded())
                packet.currentEngineRpm = Float(row.rpm ?? 0)
                packet.gear = 4
                packet.carOrdinal = 2_360
                packet.trackOrdinal = format == .motorsport2023Dash ? 3_000 : nil
                packets.append(packet)
            }
        }
        return packets
    }
}
