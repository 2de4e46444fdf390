/// Reads one frame object of the JSON form. A required key (`t`, `lap`, `dist`, `speed`,
/// `throttle`, `brake`, `gear`) that is missing, null or of the wrong type, and an optional key
/// of the wrong type, is `invalid_value` naming the frame and the key. Optional keys that are
/// null count as absent; unknown keys are skipped for forward compatibility.
struct FrameJSONObjectReader {
    var scanner: JSONScanner
    let index: Int

    mutating func frame() throws(WireError) -> TelemetryFrame {
        guard scanner.consumeIf(UInt8(ascii: "{")) else {
            throw WireError(.invalidValue, "frame \(index) is not a JSON object")
        }
        var frame = TelemetryFrame(sessionTime: .nan, lapNumber: 0, lapDistance: .nan, speed: .nan, throttle: .nan,
                                   brake: .nan, gear: 0, presentChannels: [])
        if !scanner.consumeIf(UInt8(ascii: "}")) {
            repeat {
                let (raw, escaped) = try scanner.readRawString()
                let key = escaped ? FrameJSONKey(rawValue: try scanner.unescape(raw)) : FrameJSONKey(utf8: raw)
                try scanner.consume(UInt8(ascii: ":"))
                if let key {
                    try read(key, into: &frame)
                } else {
                    try scanner.skipValue()
                }
            } while scanner.consumeIf(UInt8(ascii: ","))
            try scanner.consume(UInt8(ascii: "}"))
        }
        for key in FrameJSONKey.requiredKeys where !frame.presentChannels.contains(key.channel) {
            throw WireError(.invalidValue, "frame \(index) lacks required key \"\(key.rawValue)\"")
        }
        return frame
    }

    private mutating func read(_ key: FrameJSONKey, into frame: inout TelemetryFrame) throws(WireError) {
        let next = scanner.peek()
        if next == UInt8(ascii: "n") {
            try scanner.readLiteral("null")
            if key.channel.isSubset(of: .required) { throw invalid(key, "is null") }
            frame.presentChannels.remove(key.channel)
            return
        }
        if key == .pit {
            guard next == UInt8(ascii: "t") || next == UInt8(ascii: "f") else { throw invalid(key, "is not a boolean") }
            try scanner.readLiteral(next == UInt8(ascii: "t") ? "true" : "false")
            frame.onPitRoad = next == UInt8(ascii: "t")
            frame.presentChannels.insert(.onPitRoad)
            return
        }
        guard let next, next == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) else {
            throw invalid(key, "is not a number")
        }
        let value = try scanner.readNumber().value
        try store(value, key, into: &frame)
        frame.presentChannels.insert(key.channel)
    }

    private func store(_ value: Double, _ key: FrameJSONKey, into frame: inout TelemetryFrame) throws(WireError) {
        func float() throws(WireError) -> Float {
            // A finite Double beyond Float's range would become infinity; refuse it here.
            let narrowed = Float(value)
            guard narrowed.isFinite else { throw invalid(key, "\(value) does not fit a 32-bit float") }
            return narrowed
        }
        switch key {
        case .t: frame.sessionTime = value
        case .lap:
            guard let lap = Int32(exactly: value) else { throw invalid(key, "\(value) is not a 32-bit integer") }
            frame.lapNumber = lap
        case .gear:
            guard let gear = Int8(exactly: value) else { throw invalid(key, "\(value) is not a gear number") }
            frame.gear = gear
        case .surface:
            guard let code = Int8(exactly: value), let surface = TrackSurface(rawValue: code) else {
                throw invalid(key, "\(value) is not an irsdk_TrkLoc value (-1...3)")
            }
            frame.trackSurface = surface
        case .lat: frame.latitude = value
        case .lon: frame.longitude = value
        case .dist: frame.lapDistance = try float()
        case .pct: frame.lapDistanceFraction = try float()
        case .speed: frame.speed = try float()
        case .throttle: frame.throttle = try float()
        case .brake: frame.brake = try float()
        case .clutch: frame.clutch = try float()
        case .steer: frame.steering = try float()
        case .rpm: frame.rpm = try float()
        case .latAccel: frame.lateralAcceleration = try float()
        case .longAccel: frame.longitudinalAcceleration = try float()
        case .yawRate: frame.yawRate = try float()
        case .pit: return
        }
    }

    private func invalid(_ key: FrameJSONKey, _ problem: String) -> WireError {
        WireError(.invalidValue, "frame \(index): \"\(key.rawValue)\" \(problem)")
    }
}
