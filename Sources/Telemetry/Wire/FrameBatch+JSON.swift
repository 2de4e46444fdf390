extension FrameBatch {
    /// The batch as a protocol v1 `frames` text message. Each frame writes only its present
    /// channels; a non-finite value is written as `null`, which the server refuses with
    /// `invalid_value` just as it refuses NaN in a binary batch.
    public func jsonText() -> String {
        var text = "{\"type\":\"frames\",\"seq\":\(sequence),\"frames\":["
        text.reserveCapacity(frames.count * 200)
        for (position, frame) in frames.enumerated() {
            if position > 0 { text += "," }
            frame.appendJSON(to: &text)
        }
        text += "]}"
        return text
    }
}

extension TelemetryFrame {
    func appendJSON(to text: inout String) {
        var separator = ""
        func put(_ key: FrameJSONKey, _ value: String) {
            text += separator + "\"" + key.rawValue + "\":" + value
            separator = ","
        }
        func number<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T) -> String {
            value.isFinite ? value.description : "null"
        }
        text += "{"
        let present = presentChannels
        if present.contains(.sessionTime) { put(.t, number(sessionTime)) }
        if present.contains(.lapNumber) { put(.lap, String(lapNumber)) }
        if present.contains(.lapDistance) { put(.dist, number(lapDistance)) }
        if present.contains(.lapDistanceFraction) { put(.pct, number(lapDistanceFraction)) }
        if present.contains(.speed) { put(.speed, number(speed)) }
        if present.contains(.throttle) { put(.throttle, number(throttle)) }
        if present.contains(.brake) { put(.brake, number(brake)) }
        if present.contains(.clutch) { put(.clutch, number(clutch)) }
        if present.contains(.steering) { put(.steer, number(steering)) }
        if present.contains(.gear) { put(.gear, String(gear)) }
        if present.contains(.rpm) { put(.rpm, number(rpm)) }
        if present.contains(.lateralAcceleration) { put(.latAccel, number(lateralAcceleration)) }
        if present.contains(.longitudinalAcceleration) { put(.longAccel, number(longitudinalAcceleration)) }
        if present.contains(.yawRate) { put(.yawRate, number(yawRate)) }
        if present.contains(.latitude) { put(.lat, number(latitude)) }
        if present.contains(.longitude) { put(.lon, number(longitude)) }
        if present.contains(.onPitRoad) { put(.pit, onPitRoad ? "true" : "false") }
        if present.contains(.trackSurface) { put(.surface, String(trackSurface.rawValue)) }
        text += "}"
    }
}
