import Foundation

/// Garage 61's per-lap telemetry CSV (docs/telemetry-formats.md): one lap, one row per 60 Hz
/// sim tick, iRacing's channel names and units, no time and no distance column.
///
/// Time is the row index / 60. Distance is `LapDistPct` × the lap length: the caller's track
/// length, else the length the car drove (speed integrated over time), which matches a lap of
/// the track to within the width of the line it took. Channels logged slower than the file are
/// empty on some rows; pedals and speed then hold their last value.
enum Garage61CSV {
    static let format = "Garage 61"
    static let sampleRate = 60.0

    static func frames(_ table: CSVTable, trackLength: Double?) throws(CSVError) -> (frames: [TelemetryFrame], length: Double) {
        let required = try LapCSV.requireColumns(["Speed", "LapDistPct", "Throttle", "Brake"], in: table, format: format)
        let optional: [(String, ChannelMask)] = [
            ("Gear", .gear), ("RPM", .rpm), ("SteeringWheelAngle", .steering), ("Clutch", .clutch),
            ("LatAccel", .lateralAcceleration), ("LongAccel", .longitudinalAcceleration), ("YawRate", .yawRate),
            ("Lat", .latitude), ("Lon", .longitude), ("PositionType", .trackSurface),
        ]
        let present = optional.compactMap { name, channel in table.index(of: name).map { ($0, channel) } }
        var rows: [(fraction: Double, speed: Double, throttle: Double, brake: Double, frame: TelemetryFrame)] = []
        var held: [Double?] = [nil, nil, nil, nil]
        var firstKnown: [Double?] = [nil, nil, nil, nil]
        try table.forEachRow { (line, values) throws(CSVError) in
            for (slot, column) in required.enumerated() where values[column] != nil {
                held[slot] = values[column]
                if firstKnown[slot] == nil { firstKnown[slot] = values[column] }
            }
            var frame = TelemetryFrame(
                sessionTime: Double(rows.count) / sampleRate, lapNumber: 1, lapDistance: 0, speed: 0,
                throttle: 0, brake: 0, gear: 0, presentChannels: ChannelMask.required.subtracting(.gear))
            for (column, channel) in present {
                guard let value = values[column] else { continue }
                try frame.set(channel, value, line: line, column: table.columns[column])
            }
            rows.append((held[1] ?? .nan, held[0] ?? .nan, held[2] ?? .nan, held[3] ?? .nan, frame))
        }
        guard !rows.isEmpty else { throw .noData }
        // Rows before the first value of a channel take that first value.
        let fill = firstKnown.map { $0 ?? 0 }
        let lapRows = trimmedToTheLap(rows.map(\.fraction))
        let selected = rows[lapRows]
        let speeds = selected.map { $0.speed.isNaN ? fill[0] : $0.speed }
        let length = trackLength ?? drivenLength(speeds: speeds)
        let frames = zip(selected, speeds).enumerated().map { index, pair in
            var frame = pair.0.frame
            let fraction = pair.0.fraction.isNaN ? fill[1] : pair.0.fraction
            frame.sessionTime = Double(index) / sampleRate
            frame.lapDistanceFraction = Float(fraction)
            frame.presentChannels.insert(.lapDistanceFraction)
            frame.lapDistance = Float(fraction * length)
            frame.speed = Float(pair.1)
            frame.throttle = Float(pair.0.throttle.isNaN ? fill[2] : pair.0.throttle)
            frame.brake = Float(pair.0.brake.isNaN ? fill[3] : pair.0.brake)
            return frame
        }
        return (frames, length)
    }

    /// Rows of the lap itself: leading rows still reading the end of the previous lap (fraction
    /// near 1 before it drops to near 0) and trailing rows already past the line are left out.
    static func trimmedToTheLap(_ fractions: [Double]) -> Range<Int> {
        var start = 0
        if let first = fractions.first, first > 0.5, let wrap = fractions.firstIndex(where: { $0 < 0.5 }) { start = wrap }
        var end = fractions.count
        if let last = fractions.last, last < 0.5, let lastHigh = fractions.lastIndex(where: { $0 > 0.5 }), lastHigh >= start {
            end = lastHigh + 1
        }
        return start..<end
    }

    /// Metres driven, by the trapezoid rule over the 60 Hz rows.
    static func drivenLength(speeds: [Double]) -> Double {
        zip(speeds, speeds.dropFirst()).reduce(0) { $0 + ($1.0 + $1.1) / 2 / sampleRate }
    }

    /// Session facts from Garage 61's export file name,
    /// `Garage 61 - <driver> - <car> - <track> (<configuration>) - <mm.ss.mmm> - <lap id>.csv`
    /// (a car name may itself contain " - ", so the car is whatever lies between driver and track).
    static func metadata(fileName: String) -> (metadata: ImportedSessionMetadata, lapTime: Double?) {
        var base = Substring(fileName)
        if base.lowercased().hasSuffix(".csv") { base = base.dropLast(4) }
        let parts = base.components(separatedBy: " - ")
        guard parts.count >= 6, parts[0].trimmingWhitespace() == "Garage 61" else { return (ImportedSessionMetadata(), nil) }
        var track = parts[parts.count - 3].trimmingWhitespace()
        var configuration: String?
        if track.hasSuffix(")"), let open = track.lastIndex(of: "(") {
            configuration = String(track[track.index(after: open)..<track.index(before: track.endIndex)])
            track = String(track[..<open]).trimmingWhitespace()
        }
        let metadata = ImportedSessionMetadata(
            track: track, trackConfiguration: configuration,
            car: parts[2..<(parts.count - 3)].joined(separator: " - ").trimmingWhitespace(),
            driver: parts[1].trimmingWhitespace())
        return (metadata, lapTime(parts[parts.count - 2]))
    }

    /// "01.00.895" (minutes.seconds.milliseconds) → 60.895; nil for anything else.
    static func lapTime(_ text: String) -> Double? {
        let pieces = text.trimmingWhitespace().split(separator: ".")
        guard pieces.count == 3, let minutes = Int(pieces[0]), let seconds = Int(pieces[1]), let millis = Int(pieces[2]),
              minutes >= 0, (0..<60).contains(seconds), (0..<1000).contains(millis), pieces[2].count == 3 else { return nil }
        return Double(minutes * 60 + seconds) + Double(millis) / 1000
    }
}

private extension Substring {
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = self
        while let range = rest.range(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
