/// Which MoTeC channels become which frame fields, and the factor from each channel's unit.
struct MoTeCColumns {
    /// Names tried in order for each field: i2's built-ins first, then common sim-plugin names.
    static let names: [(field: Field, names: [String])] = [
        (.distance, ["Distance", "Lap Distance", "Corr Dist"]),
        (.speed, ["Ground Speed", "Speed", "Vehicle Speed", "Corr Speed"]),
        (.throttle, ["Throttle Pos", "Throttle", "Throttle Position"]),
        (.brake, ["Brake Pos", "Brake", "Brake Position"]),
        (.steering, ["Steering Angle", "Steering Wheel Angle", "Steered Angle"]),
        (.gear, ["Gear"]), (.rpm, ["Engine RPM", "RPM"]),
        (.lateral, ["CG Accel Lateral", "G Force Lat", "Lateral Acceleration"]),
        (.longitudinal, ["CG Accel Longitudinal", "G Force Long", "Longitudinal Acceleration"]),
        (.lap, ["Lap Number", "Lap"]),
    ]

    enum Field: CaseIterable { case distance, speed, throttle, brake, steering, gear, rpm, lateral, longitudinal, lap }

    let time: Int
    let lap: Int?
    private let found: [Field: (column: Int, scale: Double)]

    init(_ table: CSVTable, units: [String]) throws(CSVError) {
        guard let time = table.index(of: "Time") else { throw .missingColumns(format: MoTeCCSV.format, columns: ["Time"]) }
        self.time = time
        var found: [Field: (Int, Double)] = [:]
        for (field, names) in Self.names {
            guard let column = names.lazy.compactMap({ table.index(of: $0) }).first else { continue }
            let unit = column < units.count ? units[column] : ""
            guard let scale = Self.scale(field, unit: unit) else {
                throw .unsupportedUnit(column: table.columns[column], unit: unit)
            }
            found[field] = (column, scale)
        }
        let missing = [(Field.distance, "Distance"), (.speed, "Ground Speed"), (.throttle, "Throttle Pos"), (.brake, "Brake Pos")]
            .filter { found[$0.0] == nil }.map(\.1)
        guard missing.isEmpty else { throw .missingColumns(format: MoTeCCSV.format, columns: missing) }
        lap = found[.lap]?.0
        self.found = found
    }

    func frames(_ table: CSVTable) throws(CSVError) -> [TelemetryFrame] {
        var frames: [TelemetryFrame] = []
        frames.reserveCapacity(table.rowCount)
        try table.forEachRow { (line, values) throws(CSVError) in
            func value(_ field: Field) -> Double? {
                found[field].flatMap { column, scale in values[column].map { $0 * scale } }
            }
            func required(_ field: Field) throws(CSVError) -> Double {
                guard let value = value(field) else {
                    throw .badNumber(line: line, column: table.columns[found[field]?.column ?? time], text: "")
                }
                return value
            }
            guard let sessionTime = values[time] else { throw .badNumber(line: line, column: "Time", text: "") }
            var lapNumber: Int32 = 0
            if let lapValue = value(.lap) { lapNumber = try LapCSV.integer(lapValue, line: line, column: "Lap") }
            var frame = TelemetryFrame(
                sessionTime: sessionTime, lapNumber: lapNumber,
                lapDistance: Float(try required(.distance)), speed: Float(try required(.speed)),
                throttle: Float(try required(.throttle)), brake: Float(try required(.brake)), gear: 0,
                presentChannels: ChannelMask.required.subtracting(.gear))
            let optional: [(Field, ChannelMask)] = [
                (.steering, .steering), (.gear, .gear), (.rpm, .rpm), (.lateral, .lateralAcceleration),
                (.longitudinal, .longitudinalAcceleration),
            ]
            for (field, channel) in optional {
                guard let value = value(field), let column = found[field]?.column else { continue }
                try frame.set(channel, value, line: line, column: table.columns[column])
            }
            frames.append(frame)
        }
        return frames
    }

    /// The factor to protocol units (m, m/s, 0...1, rad, m/s²), or nil for an unknown unit.
    static func scale(_ field: Field, unit: String) -> Double? {
        let unit = unit.lowercased()
        switch field {
        case .distance:
            return ["m": 1, "km": 1000, "ft": 0.3048, "mi": 1609.344][unit]
        case .speed:
            return ["km/h": 1 / 3.6, "kph": 1 / 3.6, "m/s": 1, "mph": 0.44704][unit]
        case .throttle, .brake:
            return ["%": 0.01, "": 1, "ratio": 1][unit]
        case .steering:
            return ["deg": Double.pi / 180, "°": Double.pi / 180, "rad": 1][unit]
        case .lateral, .longitudinal:
            return ["g": RoadLapColumns.standardGravity, "m/s/s": 1, "m/s²": 1, "m/s^2": 1][unit]
        case .gear, .rpm, .lap:
            return 1
        }
    }
}
