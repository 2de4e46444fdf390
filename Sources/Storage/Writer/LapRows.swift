import Coaching
import Foundation
import GRDB

// The inserts of one lap's rows, run by `LapWriter` inside its single transaction.

extension PreparedLap {
    /// Inserts the lap row, its telemetry blob, corners and braking zones; returns the lap id.
    func insert(_ db: Database, sessionID: String, driverID: Int64, createdAt: Date) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO laps (session_id, driver_id, lap_number, start_time, lap_time, valid, invalid_reason,
                    delta_to_reference, frame_count, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                sessionID, driverID, lap.lapNumber, startTime, lap.lapTime, lap.isValid, lap.invalidReason,
                lap.deltaToReference, frameCount, createdAt,
            ]
        )
        let lapID = db.lastInsertedRowID
        try db.execute(
            sql: "INSERT INTO lap_telemetry (lap_id, codec, channel_mask, frame_count, data) VALUES (?, ?, ?, ?, ?)",
            arguments: [lapID, codec, Int64(channelMask.rawValue), frameCount, telemetry]
        )
        for corner in lap.corners { try corner.insert(db, lapID: lapID) }
        for zone in lap.brakingZones { try zone.insert(db, lapID: lapID) }
        return lapID
    }
}

extension CornerMetrics {
    func insert(_ db: Database, lapID: Int64) throws {
        let versus = versusReference
        try db.cachedStatement(sql: """
            INSERT INTO corners (lap_id, corner, name, start_distance, apex_distance, end_distance, brake_point,
                peak_brake, minimum_speed, throttle_pickup, apex_gear, coasting_distance, vs_brake_point_delta,
                vs_peak_brake_delta, vs_minimum_speed_delta, vs_throttle_pickup_delta, vs_apex_gear,
                vs_reference_apex_gear, vs_coasting_distance, vs_time_delta)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                lapID, corner, name, startDistance, apexDistance, endDistance, brakePoint, peakBrake, minimumSpeed,
                throttlePickup, apexGear, coastingDistance, versus.brakePointDelta, versus.peakBrakeDelta,
                versus.minimumSpeedDelta, versus.throttlePickupDelta, versus.apexGear, versus.referenceApexGear,
                versus.coastingDistance, versus.timeDelta,
            ])
    }
}

extension BrakingZone {
    func insert(_ db: Database, lapID: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO braking_zones (lap_id, start_distance, end_distance, peak_pressure, entry_speed, exit_speed)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [lapID, startDistance, endDistance, peakPressure, entrySpeed, exitSpeed])
    }
}
