import Coaching
import Foundation
import Testing

@testable import Storage

/// Every nullable number the REST API reads from the database comes back as JSON `null` when it
/// is stored as NULL (SQLite stores a NaN as NULL, and Storage reads NULL back as NaN, which
/// JSON cannot spell): never a 500.
@Suite struct RESTNullMeasurementTests {
    static let cornerColumns = [
        "start_distance", "apex_distance", "end_distance", "brake_point", "peak_brake", "minimum_speed", "throttle_pickup",
        "coasting_distance", "vs_brake_point_delta", "vs_peak_brake_delta", "vs_minimum_speed_delta", "vs_throttle_pickup_delta",
        "vs_apex_gear", "vs_reference_apex_gear", "vs_coasting_distance", "vs_time_delta", "name",
    ]
    static let zoneColumns = ["start_distance", "end_distance", "peak_pressure", "entry_speed", "exit_speed"]

    /// The JSON key of a column: the corner's own keys, or (`vs_*`) inside `versus_reference`.
    static func key(ofCornerColumn column: String) -> (nested: Bool, key: String) {
        column.hasPrefix("vs_") ? (true, String(column.dropFirst(3))) : (false, column)
    }

    @Test func eachNullableColumnOfALapComesBackAsNull() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: [])) { server in
            let session = try await SessionRepository(database: server.database).create(
                driverID: server.driverID, descriptor: RESTFixture.descriptor, referenceSource: nil, referenceReason: "none")
            let writer = LapWriter(database: server.database)
            let lapID = try await writer.store(RESTFixture.lap(number: 1, frames: 10), sessionID: session.id, driverID: server.driverID)
            let otherLap = try await writer.store(RESTFixture.lap(number: 2, frames: 10), sessionID: session.id, driverID: server.driverID)

            for column in Self.cornerColumns {
                try await Self.setNull("corners", column, lapID: lapID, in: server.database)
                let detail = try await RESTFixture.getJSON(server, "/api/v1/laps/\(lapID)")
                let corner = try #require((detail["corners"] as? [[String: Any]])?.first)
                let (nested, key) = Self.key(ofCornerColumn: column)
                let holder = nested ? try #require(corner["versus_reference"] as? [String: Any]) : corner
                #expect(holder[key] is NSNull, "corners.\(column) → \(key): \(String(describing: holder[key]))")
                // Lap A (this one) against lap B: a difference needing the missing number is null too.
                let comparison = try await RESTFixture.getJSON(server, "/api/v1/laps/compare?a=\(lapID)&b=\(otherLap)")
                #expect(comparison["corners"] is [Any], "compare answered after corners.\(column) was nulled")
            }
            let comparison = try await RESTFixture.getJSON(server, "/api/v1/laps/compare?a=\(lapID)&b=\(otherLap)")
            let corner = try #require((comparison["corners"] as? [[String: Any]])?.first)
            for key in ["brake_point_delta", "peak_brake_delta", "minimum_speed_delta", "throttle_pickup_delta", "coasting_distance_delta", "time_delta"] {
                #expect(corner[key] is NSNull, "comparison \(key)")
            }

            for column in Self.zoneColumns {
                try await Self.setNull("braking_zones", column, lapID: lapID, in: server.database)
                let detail = try await RESTFixture.getJSON(server, "/api/v1/laps/\(lapID)")
                let zone = try #require((detail["braking_zones"] as? [[String: Any]])?.first)
                #expect(zone[column] is NSNull, "braking_zones.\(column)")
            }

            for column in ["lap_time", "delta_to_reference", "invalid_reason"] {
                try await server.database.writer.write { db in
                    try db.execute(sql: "UPDATE laps SET \(column) = NULL WHERE id = ?", arguments: [lapID])
                }
                let list = try await RESTFixture.getJSON(server, "/api/v1/sessions/\(session.id)/laps")
                let lap = try #require((list["laps"] as? [[String: Any]])?.first { $0["id"] as? Int64 == lapID })
                #expect(lap[column] is NSNull, "laps.\(column)")
                let detail = try await RESTFixture.getJSON(server, "/api/v1/laps/\(lapID)")
                #expect((detail["lap"] as? [String: Any])?[column] is NSNull)
            }
            let comparison2 = try await RESTFixture.getJSON(server, "/api/v1/laps/compare?a=\(lapID)&b=\(otherLap)")
            #expect(comparison2["lap_time_delta"] is NSNull)

            for column in ["reference_source", "ended_at"] {
                try await server.database.writer.write { db in
                    try db.execute(sql: "UPDATE sessions SET \(column) = NULL WHERE id = ?", arguments: [session.id])
                }
                let sessions = try await RESTFixture.getJSON(server, "/api/v1/sessions")
                let row = try #require((sessions["sessions"] as? [[String: Any]])?.first)
                #expect(row[column] is NSNull, "sessions.\(column)")
            }
        }
    }

    static func setNull(_ table: String, _ column: String, lapID: Int64, in database: TrailbrakeDatabase) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE \(table) SET \(column) = NULL WHERE lap_id = ?", arguments: [lapID])
        }
    }
}
