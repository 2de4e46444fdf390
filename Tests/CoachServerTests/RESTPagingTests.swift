import CoachServer
import Coaching
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing

/// Paged lists over a real server and database: every item once, in order, `next_cursor` until
/// the last page, and a stable `invalid_parameter` for a limit or cursor that is not allowed.
@Suite struct RESTPagingTests {
    @Test func sessionsAndLapsComePageByPage() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: []), configure: { $0.api.maxPageSize = 10 }) { server in
            let sessions = SessionRepository(database: server.database)
            var made: [String] = []
            for index in 0..<5 {
                let record = try await sessions.create(
                    driverID: server.driverID, descriptor: RESTFixture.descriptor, referenceSource: nil, referenceReason: "none",
                    startedAt: Date(timeIntervalSince1970: 1_750_000_000 + Double(index)))
                made.append(record.id)
            }
            var listed: [String] = []
            var path = "/api/v1/sessions?limit=2"
            var pages = 0
            while true {
                let page = try await RESTFixture.getJSON(server, path)
                listed += (page["sessions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                pages += 1
                guard let cursor = page["next_cursor"] as? String else {
                    #expect(page["next_cursor"] is NSNull, "the last page says so with null")
                    break
                }
                path = "/api/v1/sessions?limit=2&cursor=\(cursor)"
            }
            #expect(listed == made.reversed())
            #expect(pages == 3)
            // Without a limit: the default page size (50, capped at the largest, 10).
            #expect((try await RESTFixture.getJSON(server, "/api/v1/sessions")["sessions"] as? [Any])?.count == 5)

            let writer = LapWriter(database: server.database)
            for number in Int32(1)...3 {
                _ = try await writer.store(
                    RESTFixture.lap(number: number, frames: 10), sessionID: made[0], driverID: server.driverID)
            }
            let first = try await RESTFixture.getJSON(server, "/api/v1/sessions/\(made[0])/laps?limit=2")
            let cursor = try #require(first["next_cursor"] as? String)
            let second = try await RESTFixture.getJSON(server, "/api/v1/sessions/\(made[0])/laps?limit=2&cursor=\(cursor)")
            let numbers = ((first["laps"] as? [[String: Any]] ?? []) + (second["laps"] as? [[String: Any]] ?? [])).compactMap { $0["lap_number"] as? Int }
            #expect(numbers == [1, 2, 3])
            #expect(second["next_cursor"] is NSNull)
            // A laps cursor is not a sessions cursor of another list.
            let (status, body) = try await RESTFixture.get(server, "/api/v1/sessions/\(made[1])/laps?cursor=\(cursor)")
            #expect(status == .badRequest)
            #expect(body.contains(#""code":"invalid_parameter""#))
        }
    }

    @Test func limitsAndCursorsOutsideTheRulesGetInvalidParameter() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: []), configure: { $0.api.maxPageSize = 10 }) { server in
            // Another driver's valid cursor: the key of their newest session.
            let other = try await StorageBackedDrivers(database: server.database).createDriver(name: "other")
            let sessions = SessionRepository(database: server.database)
            for _ in 0..<2 {
                _ = try await sessions.create(driverID: other.id, descriptor: RESTFixture.descriptor, referenceSource: nil, referenceReason: "none")
            }
            let foreignKey = try #require(try await sessions.sessions(driverID: other.id, limit: 1, after: nil).nextKey)
            for query in ["limit=0", "limit=11", "limit=abc", "limit=-1", "cursor=", "cursor=zzz", "cursor=p", "cursor=p0",
                          "cursor=p\(String(foreignKey, radix: 36))", "cursor=p\(String(repeating: "z", count: 40))"] {
                let (status, body) = try await RESTFixture.get(server, "/api/v1/sessions?\(query)")
                #expect(status == .badRequest, "\(query)")
                #expect(body.contains(#""code":"invalid_parameter""#), "\(query): \(body)")
            }
            #expect(try await RESTFixture.get(server, "/api/v1/sessions?limit=10").0 == .ok)
        }
    }
}
