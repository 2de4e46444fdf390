import Foundation
import Telemetry

/// `trailbrake reference export`: a reference lap as CSV (one row per metre, for spreadsheets
/// and plotting tools) or as its own JSON file format.
public enum ReferenceExporter {
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    public static func export(_ reference: ReferenceLap, as format: Format) -> Data {
        switch format {
        case .json: ReferenceLapFile.encode(reference)
        case .csv: Data(csv(reference).utf8)
        }
    }

    /// `distance_m,time_s,speed_mps,throttle,brake,steering_rad,gear`, rounded as the JSON file is.
    static func csv(_ lap: ReferenceLap) -> String {
        var text = "distance_m,time_s,speed_mps,throttle,brake,steering_rad,gear\n"
        text.reserveCapacity(lap.count * 48)
        for index in 0..<lap.count {
            let distance = Double(index) * lap.gridSpacing
            text += "\(number(distance, 3)),\(number(Double(lap.time[index]), 4)),\(number(Double(lap.speed[index]), 3)),"
            text += "\(number(Double(lap.throttle[index]), 3)),\(number(Double(lap.brake[index]), 3)),"
            text += "\(number(Double(lap.steering[index]), 4)),\(lap.gear[index])\n"
        }
        return text
    }

    static func number(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
