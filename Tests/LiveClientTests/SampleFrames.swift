import Telemetry

/// Frames and sessions for tests: `t` doubles as the frame's identity.
enum Sample {
    static let langley = SessionDescriptor(
        sim: "iracing", track: TrackDescriptor(name: "Langley Speedway", configuration: "", length: 580), car: "SK Modified",
        sessionType: "practice")

    static func frame(_ index: Int, lap: Int32 = 3, distance: Float? = nil, speed: Float = 40) -> TelemetryFrame {
        TelemetryFrame(
            sessionTime: Double(index) / 60, lapNumber: lap, lapDistance: distance ?? Float(index % 580), speed: speed,
            throttle: 1, brake: 0, gear: 3)
    }
}
