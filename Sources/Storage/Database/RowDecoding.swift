import Coaching
import Foundation
import GRDB
import Telemetry

// Row → model decoding, kept in one place beside the schema. `decode(forColumn:)` throws on a
// NULL or a wrong type instead of trapping, so a tampered database yields an error.

extension Driver {
    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            name: try row.decode(forColumn: "name"),
            createdAt: try row.decode(forColumn: "created_at")
        )
    }
}

extension SessionRecord {
    init(row: Row) throws {
        let track = TrackDescriptor(
            name: try row.decode(forColumn: "track_name"),
            configuration: try row.decode(forColumn: "track_config"),
            length: try row.decode(forColumn: "track_length")
        )
        self.init(
            id: try row.decode(forColumn: "id"),
            driverID: try row.decode(forColumn: "driver_id"),
            descriptor: SessionDescriptor(
                sim: try row.decode(forColumn: "sim"), track: track, car: try row.decode(forColumn: "car"),
                sessionType: try row.decode(forColumn: "session_type")
            ),
            referenceSource: try row.decode(forColumn: "reference_source"),
            referenceReason: try row.decode(forColumn: "reference_reason"),
            startedAt: try row.decode(forColumn: "started_at"),
            endedAt: try row.decode(forColumn: "ended_at")
        )
    }
}

extension LapRecordRow {
    init(row: Row) throws {
        self.init(
            id: try row.decode(forColumn: "id"),
            sessionID: try row.decode(forColumn: "session_id"),
            driverID: try row.decode(forColumn: "driver_id"),
            lapNumber: try row.decode(forColumn: "lap_number"),
            startTime: try row.decode(forColumn: "start_time"),
            lapTime: try row.decode(forColumn: "lap_time"),
            isValid: try row.decode(forColumn: "valid"),
            invalidReason: try row.decode(forColumn: "invalid_reason"),
            deltaToReference: try row.decode(forColumn: "delta_to_reference"),
            frameCount: try row.decode(forColumn: "frame_count"),
            createdAt: try row.decode(forColumn: "created_at")
        )
    }
}

extension CornerMetrics {
    init(row: Row) throws {
        let versus = CueNumbers(
            brakePointDelta: try row.decode(forColumn: "vs_brake_point_delta"),
            peakBrakeDelta: try row.decode(forColumn: "vs_peak_brake_delta"),
            minimumSpeedDelta: try row.decode(forColumn: "vs_minimum_speed_delta"),
            throttlePickupDelta: try row.decode(forColumn: "vs_throttle_pickup_delta"),
            apexGear: try row.decode(forColumn: "vs_apex_gear"),
            referenceApexGear: try row.decode(forColumn: "vs_reference_apex_gear"),
            coastingDistance: try row.decode(forColumn: "vs_coasting_distance"),
            timeDelta: try row.decode(forColumn: "vs_time_delta")
        )
        self.init(
            corner: try row.decode(forColumn: "corner"),
            name: try row.decode(forColumn: "name"),
            startDistance: try row.decodeMeasurement("start_distance"),
            apexDistance: try row.decodeMeasurement("apex_distance"),
            endDistance: try row.decodeMeasurement("end_distance"),
            brakePoint: try row.decode(forColumn: "brake_point"),
            peakBrake: try row.decode(forColumn: "peak_brake"),
            minimumSpeed: try row.decodeMeasurement("minimum_speed"),
            throttlePickup: try row.decode(forColumn: "throttle_pickup"),
            apexGear: try row.decode(forColumn: "apex_gear"),
            coastingDistance: try row.decodeMeasurement("coasting_distance"),
            versusReference: versus
        )
    }
}

extension BrakingZone {
    init(row: Row) throws {
        self.init(
            startDistance: try row.decodeMeasurement("start_distance"),
            endDistance: try row.decodeMeasurement("end_distance"),
            peakPressure: try row.decodeMeasurement("peak_pressure"),
            entrySpeed: try row.decodeMeasurement("entry_speed"),
            exitSpeed: try row.decodeMeasurement("exit_speed")
        )
    }
}

extension Row {
    /// A non-optional measurement. SQLite stores a NaN as NULL, so NULL reads back as NaN.
    func decodeMeasurement(_ column: String) throws -> Double {
        try decode(Double?.self, forColumn: column) ?? .nan
    }
}
