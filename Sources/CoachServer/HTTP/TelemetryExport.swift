import NIOCore
import Telemetry

/// A lap's frames for download, with the protocol's short channel names (docs/protocol.md,
/// JSON form), written a chunk of frames at a time so an export never holds more than one chunk
/// of text. Channels the source did not send are null in JSON and empty in CSV.
enum TelemetryExport {
    enum Format: String, Sendable {
        case json, csv

        var contentType: String {
            switch self {
            case .json: "application/json; charset=utf-8"
            case .csv: "text/csv; charset=utf-8"
            }
        }
    }

    static let csvHeader = "t,lap,dist,pct,speed,throttle,brake,clutch,steer,gear,rpm,latAccel,longAccel,yawRate,lat,lon,pit,surface"

    /// What comes before the first frame: `{"lap_id":12,"frames":[` or the CSV header line.
    static func opening(_ format: Format, lapID: Int64) -> ByteBuffer {
        switch format {
        case .json: ByteBuffer(string: #"{"lap_id":\#(lapID),"frames":["#)
        case .csv: ByteBuffer(string: csvHeader + "\n")
        }
    }

    /// What comes after the last frame.
    static func closing(_ format: Format) -> ByteBuffer {
        switch format {
        case .json: ByteBuffer(string: "]}")
        case .csv: ByteBuffer()
        }
    }

    /// The frames `range` of `frames` as text; `range.lowerBound > 0` continues a JSON array.
    static func chunk(_ format: Format, _ frames: [TelemetryFrame], _ range: Range<Int>) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: range.count * 160)
        for index in range {
            switch format {
            case .json:
                if index > 0 { buffer.writeStaticString(",") }
                writeJSON(frames[index], into: &buffer)
            case .csv:
                writeCSV(frames[index], into: &buffer)
            }
        }
        return buffer
    }

    /// One frame as a JSON object, the protocol's keys in the protocol's order.
    static func writeJSON(_ frame: TelemetryFrame, into buffer: inout ByteBuffer) {
        func number(_ key: StaticString, _ text: String?, first: Bool = false) {
            if !first { buffer.writeStaticString(",") }
            buffer.writeStaticString("\"")
            buffer.writeStaticString(key)
            buffer.writeStaticString("\":")
            buffer.writeString(text ?? "null")
        }
        buffer.writeStaticString("{")
        number("t", text(frame.sessionTime), first: true)
        number("lap", "\(frame.lapNumber)")
        number("dist", text(frame.lapDistance))
        number("pct", text(frame.lapDistanceFraction))
        number("speed", text(frame.speed))
        number("throttle", text(frame.throttle))
        number("brake", text(frame.brake))
        number("clutch", text(frame.clutch))
        number("steer", text(frame.steering))
        number("gear", "\(frame.gear)")
        number("rpm", text(frame.rpm))
        number("latAccel", text(frame.lateralAcceleration))
        number("longAccel", text(frame.longitudinalAcceleration))
        number("yawRate", text(frame.yawRate))
        number("lat", text(frame.latitude))
        number("lon", text(frame.longitude))
        number("pit", frame.onPitRoad ? "true" : "false")
        number("surface", "\(frame.trackSurface.rawValue)")
        buffer.writeStaticString("}")
    }

    /// One frame as a CSV line in `csvHeader`'s column order.
    static func writeCSV(_ frame: TelemetryFrame, into buffer: inout ByteBuffer) {
        let cells = [
            text(frame.sessionTime), "\(frame.lapNumber)", text(frame.lapDistance), text(frame.lapDistanceFraction),
            text(frame.speed), text(frame.throttle), text(frame.brake), text(frame.clutch), text(frame.steering),
            "\(frame.gear)", text(frame.rpm), text(frame.lateralAcceleration), text(frame.longitudinalAcceleration),
            text(frame.yawRate), text(frame.latitude), text(frame.longitude), frame.onPitRoad ? "1" : "0",
            "\(frame.trackSurface.rawValue)",
        ]
        for (index, cell) in cells.enumerated() {
            if index > 0 { buffer.writeStaticString(",") }
            buffer.writeString(cell ?? "")
        }
        buffer.writeStaticString("\n")
    }

    /// Swift's shortest round-trip spelling, valid in JSON and CSV; nil for NaN and infinities
    /// (a channel the source did not send).
    private static func text(_ value: Float) -> String? { value.isFinite ? value.description : nil }
    private static func text(_ value: Double) -> String? { value.isFinite ? value.description : nil }
}
