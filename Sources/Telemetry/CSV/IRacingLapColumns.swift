/// Column positions of the iRacing lap export (one column per .ibt channel, protocol units).
struct IRacingLapColumns {
    static let format = "iRacing lap"
    let time, lap, distance, speed, throttle, brake, gear: Int
    /// Optional channels present in this file, with the frame field each fills.
    let optional: [(column: Int, channel: ChannelMask)]

    init(_ table: CSVTable) throws(CSVError) {
        let required = try LapCSV.requireColumns(
            ["SessionTime", "Lap", "LapDist", "Speed", "Throttle", "Brake", "Gear"], in: table, format: Self.format)
        (time, lap, distance, speed, throttle, brake, gear) =
            (required[0], required[1], required[2], required[3], required[4], required[5], required[6])
        let names: [(String, ChannelMask)] = [
            ("LapDistPct", .lapDistanceFraction), ("Clutch", .clutch), ("SteeringWheelAngle", .steering),
            ("RPM", .rpm), ("LatAccel", .lateralAcceleration), ("LongAccel", .longitudinalAcceleration),
            ("YawRate", .yawRate), ("Lat", .latitude), ("Lon", .longitude), ("OnPitRoad", .onPitRoad),
            ("PlayerTrackSurface", .trackSurface),
        ]
        optional = names.compactMap { name, channel in table.index(of: name).map { ($0, channel) } }
    }

    func frames(_ table: CSVTable) throws(CSVError) -> [TelemetryFrame] {
        var frames: [TelemetryFrame] = []
        try table.forEachRow { (line, values) throws(CSVError) in
            func required(_ column: Int) throws(CSVError) -> Double {
                guard let value = values[column] else { throw .badNumber(line: line, column: table.columns[column], text: "") }
                return value
            }
            var frame = TelemetryFrame(
                sessionTime: try required(time),
                lapNumber: try LapCSV.integer(try required(lap), line: line, column: "Lap"),
                lapDistance: Float(try required(distance)), speed: Float(try required(speed)),
                throttle: Float(try required(throttle)), brake: Float(try required(brake)),
                gear: try LapCSV.integer(try required(gear), line: line, column: "Gear"))
            for (column, channel) in optional {
                guard let value = values[column] else { continue }
                try frame.set(channel, value, line: line, column: table.columns[column])
            }
            frames.append(frame)
        }
        return frames
    }
}

extension TelemetryFrame {
    /// Stores a CSV value (already in protocol units) in the field of `channel` and marks it present.
    /// Lat/Lon of exactly 0 are iRacing's "not known" and stay absent.
    mutating func set(_ channel: ChannelMask, _ value: Double, line: Int, column: String) throws(CSVError) {
        switch channel {
        case .lapDistanceFraction: lapDistanceFraction = Float(value)
        case .clutch: clutch = Float(value)
        case .steering: steering = Float(value)
        case .rpm: rpm = Float(value)
        case .lateralAcceleration: lateralAcceleration = Float(value)
        case .longitudinalAcceleration: longitudinalAcceleration = Float(value)
        case .yawRate: yawRate = Float(value)
        case .latitude, .longitude:
            guard value != 0 else { return }
            if channel == .latitude { latitude = value } else { longitude = value }
        case .onPitRoad: onPitRoad = value != 0
        case .trackSurface:
            let code: Int8 = try LapCSV.integer(value, line: line, column: column)
            guard let surface = TrackSurface(rawValue: code) else {
                throw .badNumber(line: line, column: column, text: "\(code)")
            }
            trackSurface = surface
        case .gear: gear = try LapCSV.integer(value, line: line, column: column)
        default: return
        }
        presentChannels.insert(channel)
    }
}
