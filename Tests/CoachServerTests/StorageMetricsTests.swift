import CoachServer
import Foundation
import Testing

@testable import Storage

/// Database durations in `/metrics`: each lap's commit and each REST read are timed into the
/// server's registry, by query name.
@Suite struct StorageMetricsTests {
    @Test func lapCommitsAndRESTReadsAreTimed() async throws {
        let metrics = ServerMetrics()
        let database = try TrailbrakeDatabase.inMemory()
        let driver = try await DriverRepository(database: database).createDriver(name: "timed")
        let session = try await SessionRepository(database: database).create(
            driverID: driver.id, descriptor: RESTFixture.descriptor, referenceSource: nil, referenceReason: "none")
        let writer = LapWriter(database: database, timings: metrics)
        for number in 1...3 {
            _ = try await writer.store(RESTFixture.lap(number: Int32(number), frames: 50), sessionID: session.id, driverID: driver.id)
        }
        let reader = StorageBackedReader(database: database, timings: metrics)
        _ = try await reader.sessions(driverID: driver.id, page: PageRequest(limit: 10, after: nil))
        _ = try await reader.lap(1, driverID: driver.id)
        _ = try await reader.lap(2, driverID: driver.id)

        let lines = Set(metrics.exposition().split(separator: "\n").map(String.init))
        #expect(lines.contains("trailbrake_db_lap_commit_seconds_count 3"), "\(lines.filter { $0.contains("trailbrake_db") }.sorted())")
        #expect(lines.contains(#"trailbrake_db_query_seconds_count{query="sessions"} 1"#))
        #expect(lines.contains(#"trailbrake_db_query_seconds_count{query="lap"} 2"#))
        #expect(lines.contains { $0.hasPrefix("trailbrake_db_lap_commit_seconds_bucket{le=") })
    }
}
