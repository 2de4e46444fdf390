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

    /// The protocol's channel names, in order: the JSON keys and the CSV header.
    static let columns = [
        "t", "lap", "dist", "pct", "speed", "throttle", "brake", "clutch", "steer", "gear", "rpm", "latAccel", "longAccel",
        "yawRate", "lat", "lon", "pit", "surface",
    ]
    static let csvHeader = columns.joined(separator: ",")

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
    /// Made as one `String` (the standard library's appends) and copied into a buffer once.
    static func chunk(_ format: Format, _ frames: [TelemetryFrame], _ range: Range<Int>) -> ByteBuffer {
        var text = ""
        text.reserveCapacity(range.count * 320)
        for index in range {
            switch format {
            case .json:
                if index > 0 { text += "," }
                appendJSON(frames[index], to: &text)
            case .csv:
                appendCSV(frames[index], to: &text)
            }
        }
        return ByteBuffer(string: text)
    }

    /// `"t":`, `,"lap":`, ...: what goes before each value of a JSON row.
    private static let jsonKeys = columns.enumerated().map { index, name in (index == 0 ? "" : ",") + "\"\(name)\":" }

    /// One frame as a JSON object, the protocol's keys in the protocol's order.
    static func appendJSON(_ frame: TelemetryFrame, to text: inout String) {
        text += "{"
        for (index, cell) in cells(frame, pit: frame.onPitRoad ? "true" : "false").enumerated() {
            text += jsonKeys[index]
            text += cell ?? "null"
        }
        text += "}"
    }

    /// One frame as a CSV line in `csvHeader`'s column order.
    static func appendCSV(_ frame: TelemetryFrame, to text: inout String) {
        for (index, cell) in cells(frame, pit: frame.onPitRoad ? "1" : "0").enumerated() {
            if index > 0 { text += "," }
            text += cell ?? ""
        }
        text += "\n"
    }

    /// A frame's values in `columns` order, nil for a channel the source did not send.
    private static func cells(_ frame: TelemetryFrame, pit: String) -> [String?] {
        [
            text(frame.sessionTime), "\(frame.lapNumber)", text(frame.lapDistance), text(frame.lapDistanceFraction),
            text(frame.speed), text(frame.throttle), text(frame.brake), text(frame.clutch), text(frame.steering),
            "\(frame.gear)", text(frame.rpm), text(frame.lateralAcceleration), text(frame.longitudinalAcceleration),
            text(frame.yawRate), text(frame.latitude), text(frame.longitude), pit, "\(frame.trackSurface.rawValue)",
        ]
    }

    /// Swift's shortest round-trip spelling, valid in JSON and CSV; nil for NaN and infinities
    /// (a channel the source did not send).
    private static func text(_ value: Float) -> String? { value.isFinite ? value.description : nil }
    private static func text(_ value: Double) -> String? { value.isFinite ? value.description : nil }
}
