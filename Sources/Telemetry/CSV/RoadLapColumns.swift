/// Column positions and unit conversions of the normalised road-lap CSVs
/// (shared/data/telemetry-road, schema in its tools/build_and_verify.py).
struct RoadLapColumns {
    static let format = "road lap"
    /// Standard gravity: the `_g` acceleration columns are in multiples of it.
    static let standardGravity = 9.80665

    let lapKey, lapTime, distance, speed, throttle, brake: Int
    let lapKeyName: String
    let optional: [(column: Int, channel: ChannelMask, scale: Double)]
    /// GT7's world position (`x_m`, `z_m`; y is up), read as `WorldPosition`.
    let world: (x: Int, z: Int)?

    init(_ table: CSVTable) throws(CSVError) {
        let required = try LapCSV.requireColumns(
            ["lap", "t_s", "dist_m", "speed_kmh", "throttle", "brake"], in: table, format: Self.format)
        // `seq` numbers laps in driving order even where two runs reuse lap numbers (GT7 Red
        // Bull Ring), so it is the lap identity when present.
        lapKeyName = table.index(of: "seq") != nil ? "seq" : "lap"
        lapKey = table.index(of: lapKeyName) ?? required[0]
        lapTime = required[1]
        // GT7's `dist_ref_m` is projected on one reference path, so it aligns laps; `dist_m`
        // there is each lap's own driven length.
        distance = table.index(of: "dist_ref_m") ?? required[2]
        speed = required[3]
        throttle = required[4]
        brake = required[5]
        let degree = Double.pi / 180
        let candidates: [(String, ChannelMask, Double)] = [
            ("gear", .gear, 1), ("dist_pct", .lapDistanceFraction, 1),
            ("steer_rad", .steering, 1), ("steer_deg", .steering, degree), ("rpm", .rpm, 1),
            ("lat_accel_mps2", .lateralAcceleration, 1), ("lat_accel_g", .lateralAcceleration, Self.standardGravity),
            ("long_accel_mps2", .longitudinalAcceleration, 1), ("long_accel_g", .longitudinalAcceleration, Self.standardGravity),
            ("yaw_rate_rps", .yawRate, 1),
        ]
        optional = candidates.compactMap { name, channel, scale in table.index(of: name).map { ($0, channel, scale) } }
        world = table.index(of: "x_m").flatMap { x in table.index(of: "z_m").map { (x, $0) } }
    }

    /// Times restart at each lap; session time is made continuous by starting each lap one
    /// sample interval after the previous lap's last sample. Within a lap, `sessionTime` minus
    /// the lap's offset is exactly `t_s`.
    func frames(_ table: CSVTable) throws(CSVError) -> [TelemetryFrame] {
        var frames: [TelemetryFrame] = []
        var offset = 0.0
        var previous: (lap: Int32, time: Double, step: Double)?
        try table.forEachRow { (line, values) throws(CSVError) in
            func required(_ column: Int) throws(CSVError) -> Double {
                guard let value = values[column] else { throw .badNumber(line: line, column: table.columns[column], text: "") }
                return value
            }
            let lap: Int32 = try LapCSV.integer(try required(lapKey), line: line, column: lapKeyName)
            let time = try required(lapTime)
            if let last = previous, last.lap != lap { offset += last.time + last.step }
            let step = previous.map { $0.lap == lap ? time - $0.time : $0.step } ?? 0
            previous = (lap, time, step)
            var frame = TelemetryFrame(
                sessionTime: offset + time, lapNumber: lap, lapDistance: Float(try required(distance)),
                speed: Float(try required(speed) / 3.6), throttle: Float(try required(throttle)),
                brake: Float(try required(brake)), gear: 0,
                presentChannels: ChannelMask.required.subtracting(.gear))
            for (column, channel, scale) in optional {
                guard let value = values[column] else { continue }
                try frame.set(channel, value * scale, line: line, column: table.columns[column])
            }
            if let world, let x = values[world.x], let z = values[world.z] { frame.setWorldPosition(x: x, z: z) }
            frames.append(frame)
        }
        return frames
    }
}
