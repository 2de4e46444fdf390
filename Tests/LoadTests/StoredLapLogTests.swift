import Foundation
import ServerTestSupport
import LoadTesting
import Storage
import Testing

/// The stored-lap log scripts/crash-under-load.sh checks the database against: every `lap`
/// message with `"stored": true` a driver received, with the ids the server gave it.
@Suite(.serialized) struct StoredLapLogTests {
    struct Line: Decodable {
        var driver: Int
        var session: String
        var lap: Int32
        var lapID: Int64

        enum CodingKeys: String, CodingKey {
            case driver, session, lap
            case lapID = "lap_id"
        }
    }

    @Test func everyStoredLapIsLoggedWithTheIdsItHasInTheDatabase() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stored-laps-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await LoadTestServer.with(drivers: 2) { server in
            var options = LoadRunTests.options(server, url: server.liveURL, drivers: 2, seconds: 12)
            options.storedLaps = try StoredLapLog(path: path)
            let report = try await LoadRun(options: options, source: LoadRunTests.source).run()

            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = try text.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
            #expect(report.errors.isEmpty, "errors: \(report.errors)")
            #expect(!lines.isEmpty, "laps end within the run")
            #expect(lines.count == report.totals.laps, "every lap message said stored: true")
            let laps = LapRepository(database: server.database)
            for line in lines {
                let stored = try await laps.lap(id: line.lapID, driverID: server.driverIDs[line.driver])
                #expect(stored?.lap.sessionID == line.session, "lap id \(line.lapID)")
                #expect(stored?.lap.lapNumber == line.lap, "lap id \(line.lapID)")
            }
        }
    }

    @Test func anUnwritablePathIsRefusedBeforeTheRun() {
        let error = #expect(throws: LoadError.self) { try StoredLapLog(path: "/nonexistent-folder/stored.jsonl") }
        #expect(error?.code == .invalidOption)
    }
}
