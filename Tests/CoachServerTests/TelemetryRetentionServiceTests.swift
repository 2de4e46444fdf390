import CoachServer
import Coaching
import Foundation
import Logging
import Testing

@testable import Storage

/// `[storage] telemetry_retention_days` in the server: the service runs at start and then on
/// its own timer, and the REST API tells a lap whose frames were deleted (410) from a missing
/// one (404) while the lap's metrics are still served.
@Suite struct TelemetryRetentionServiceTests {
    static let day = TelemetryRetention.secondsPerDay

    /// Stores lap `number` (50 frames) in the server's database, in a session made on first use.
    final class Laps: Sendable {
        let server: EndToEndServer
        let session: String
        init(_ server: EndToEndServer) async throws {
            self.server = server
            session = try await SessionRepository(database: server.database).create(
                driverID: server.driverID, descriptor: RESTFixture.descriptor, referenceSource: nil, referenceReason: "none").id
        }
        func store(_ number: Int32) async throws -> Int64 {
            try await LapWriter(database: server.database).store(
                RESTFixture.lap(number: number, frames: 50), sessionID: session, driverID: server.driverID)
        }
    }

    @Test func theServiceRunsAtStartAndAgainOnItsTimer() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: [])) { server in
            let stored = try await Laps(server)
            let first = try await stored.store(1)
            // 30 days and 1 s from now, the laps stored now are past 30 days.
            let service = TelemetryRetentionService(
                database: server.database, days: 30, interval: .milliseconds(100), logger: Logger(label: "retention-test"),
                now: { Date().addingTimeInterval(30 * Self.day + 1) })
            let laps = LapRepository(database: server.database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                defer { group.cancelAll() }
                var runs = service.runs.makeAsyncIterator()
                #expect(await runs.next() == 1, "the run at start deleted the first lap's telemetry")
                #expect(try await laps.storedTelemetry(lapID: first, driverID: server.driverID) == nil)
                let second = try await stored.store(2)
                var later: Int?? = 0
                for _ in 0..<50 where later == 0 { later = await runs.next() }
                #expect(later == 1, "a later run deleted the second lap's telemetry")
                #expect(try await laps.storedTelemetry(lapID: second, driverID: server.driverID) == nil)
            }
        }
    }

    @Test func zeroDaysEndsTheServiceWithoutTouchingAnything() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: [])) { server in
            let stored = try await Laps(server)
            let lap = try await stored.store(1)
            let service = TelemetryRetentionService(
                database: server.database, days: 0, logger: Logger(label: "retention-test"), now: { Date().addingTimeInterval(1e9) })
            try await service.run()
            var runs = service.runs.makeAsyncIterator()
            #expect(await runs.next() == nil, "no run: the stream just ends")
            #expect(try await LapRepository(database: server.database).storedTelemetry(lapID: lap, driverID: server.driverID) != nil)
        }
    }

    @Test func aLapWithoutItsTelemetryIs410OnExportAndStillServedWithItsMetrics() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: [])) { server in
            let stored = try await Laps(server)
            let old = try await stored.store(1)
            try await server.database.writer.write { db in
                try db.execute(sql: "UPDATE laps SET created_at = ? WHERE id = ?", arguments: [Date().addingTimeInterval(-31 * Self.day), old])
            }
            let recent = try await stored.store(2)
            #expect(try await TelemetryRetention(database: server.database).deleteTelemetry(olderThanDays: 30) == 1)

            for format in ["json", "csv"] {
                let (status, body) = try await RESTFixture.get(server, "/api/v1/laps/\(old)/telemetry?format=\(format)")
                #expect(status == .gone)
                #expect(body.contains(#"{"error":{"code":"telemetry_deleted""#))
            }
            #expect(try await RESTFixture.get(server, "/api/v1/laps/\(recent)/telemetry").0 == .ok)
            #expect(try await RESTFixture.get(server, "/api/v1/laps/999999/telemetry").0 == .notFound)
            // Another driver's view of the old lap is a plain 404: retention reveals nothing.
            let other = try await server.addDriver(named: "other")
            #expect(try await RESTFixture.get(server, "/api/v1/laps/\(old)/telemetry", token: other.token).0 == .notFound)
            // The lap, its corners and the comparison are still served.
            let detail = try await RESTFixture.getJSON(server, "/api/v1/laps/\(old)")
            #expect((detail["corners"] as? [Any])?.isEmpty == false)
            #expect((detail["lap"] as? [String: Any])?["frame_count"] as? Int == 50)
            _ = try await RESTFixture.getJSON(server, "/api/v1/laps/compare?a=\(old)&b=\(recent)")
        }
    }
}
