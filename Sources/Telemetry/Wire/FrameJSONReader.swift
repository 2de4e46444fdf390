/// Reads one JSON frame, turning every missing, null or mistyped key into `invalid_value`
/// that names the frame and the key.
struct FrameJSONReader {
    let container: KeyedDecodingContainer<FrameJSONKey>
    let index: Int

    func frame() throws(WireError) -> TelemetryFrame {
        var frame = TelemetryFrame(
            sessionTime: try required(Double.self, .t),
            lapNumber: try required(Int32.self, .lap),
            lapDistance: try required(Float.self, .dist),
            speed: try required(Float.self, .speed),
            throttle: try required(Float.self, .throttle),
            brake: try required(Float.self, .brake),
            gear: try required(Int8.self, .gear),
            presentChannels: .required)
        if let value = try optional(Float.self, .pct) { frame.lapDistanceFraction = value; frame.presentChannels.insert(.lapDistanceFraction) }
        if let value = try optional(Float.self, .clutch) { frame.clutch = value; frame.presentChannels.insert(.clutch) }
        if let value = try optional(Float.self, .steer) { frame.steering = value; frame.presentChannels.insert(.steering) }
        if let value = try optional(Float.self, .rpm) { frame.rpm = value; frame.presentChannels.insert(.rpm) }
        if let value = try optional(Float.self, .latAccel) { frame.lateralAcceleration = value; frame.presentChannels.insert(.lateralAcceleration) }
        if let value = try optional(Float.self, .longAccel) { frame.longitudinalAcceleration = value; frame.presentChannels.insert(.longitudinalAcceleration) }
        if let value = try optional(Float.self, .yawRate) { frame.yawRate = value; frame.presentChannels.insert(.yawRate) }
        if let value = try optional(Double.self, .lat) { frame.latitude = value; frame.presentChannels.insert(.latitude) }
        if let value = try optional(Double.self, .lon) { frame.longitude = value; frame.presentChannels.insert(.longitude) }
        if let value = try optional(Bool.self, .pit) { frame.onPitRoad = value; frame.presentChannels.insert(.onPitRoad) }
        if let code = try optional(Int8.self, .surface) {
            guard let surface = TrackSurface(rawValue: code) else {
                throw WireError(.invalidValue, "frame \(index): surface \(code) is not an irsdk_TrkLoc value (-1...3)")
            }
            frame.trackSurface = surface
            frame.presentChannels.insert(.trackSurface)
        }
        return frame
    }

    private func required<T: Decodable>(_ type: T.Type, _ key: FrameJSONKey) throws(WireError) -> T {
        guard container.contains(key) else {
            throw WireError(.invalidValue, "frame \(index) lacks required key \"\(key.rawValue)\"")
        }
        guard let value = try optional(type, key) else {
            throw WireError(.invalidValue, "frame \(index): \"\(key.rawValue)\" is null")
        }
        return value
    }

    private func optional<T: Decodable>(_ type: T.Type, _ key: FrameJSONKey) throws(WireError) -> T? {
        do {
            return try container.decodeIfPresent(type, forKey: key)
        } catch {
            throw WireError(.invalidValue, "frame \(index): \"\(key.rawValue)\" is not a valid \(typeName(type))")
        }
    }

    private func typeName<T>(_ type: T.Type) -> String {
        switch type {
        case is Bool.Type: "boolean"
        case is Int8.Type: "small integer"
        case is Int32.Type: "32-bit integer"
        default: "number"
        }
    }
}
