import Telemetry

/// A lap's frames for download, with the protocol's short channel names (docs/protocol.md,
/// JSON form). Channels the source did not send are null in JSON and empty in CSV.
enum TelemetryExport {
    struct JSONBody: Encodable {
        let lapID: Int64
        let frames: [Row]

        /// Encoded without the snake_case strategy so `latAccel` keeps the protocol's spelling.
        private enum CodingKeys: String, CodingKey {
            case lapID = "lap_id", frames
        }
    }

    struct Row: Encodable {
        let t: Double
        let lap: Int32
        let dist: Float
        let pct: Float?
        let speed: Float
        let throttle: Float
        let brake: Float
        let clutch: Float?
        let steer: Float?
        let gear: Int8
        let rpm: Float?
        let latAccel: Float?
        let longAccel: Float?
        let yawRate: Float?
        let lat: Double?
        let lon: Double?
        let pit: Bool
        let surface: Int8

        init(_ frame: TelemetryFrame) {
            func present(_ value: Float) -> Float? { value.isFinite ? value : nil }
            func present(_ value: Double) -> Double? { value.isFinite ? value : nil }
            t = frame.sessionTime
            lap = frame.lapNumber
            dist = frame.lapDistance
            pct = present(frame.lapDistanceFraction)
            speed = frame.speed
            throttle = frame.throttle
            brake = frame.brake
            clutch = present(frame.clutch)
            steer = present(frame.steering)
            gear = frame.gear
            rpm = present(frame.rpm)
            latAccel = present(frame.lateralAcceleration)
            longAccel = present(frame.longitudinalAcceleration)
            yawRate = present(frame.yawRate)
            lat = present(frame.latitude)
            lon = present(frame.longitude)
            pit = frame.onPitRoad
            surface = frame.trackSurface.rawValue
        }
    }

    static let csvHeader = "t,lap,dist,pct,speed,throttle,brake,clutch,steer,gear,rpm,latAccel,longAccel,yawRate,lat,lon,pit,surface"

    static func csv(_ frames: [TelemetryFrame]) -> String {
        var lines = [csvHeader]
        lines.reserveCapacity(frames.count + 1)
        for frame in frames {
            func cell(_ value: Float) -> String { value.isFinite ? "\(value)" : "" }
            func cell(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }
            let cells = [
                cell(frame.sessionTime), "\(frame.lapNumber)", cell(frame.lapDistance), cell(frame.lapDistanceFraction),
                cell(frame.speed), cell(frame.throttle), cell(frame.brake), cell(frame.clutch), cell(frame.steering),
                "\(frame.gear)", cell(frame.rpm), cell(frame.lateralAcceleration), cell(frame.longitudinalAcceleration),
                cell(frame.yawRate), cell(frame.latitude), cell(frame.longitude), frame.onPitRoad ? "1" : "0",
                "\(frame.trackSurface.rawValue)",
            ]
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
