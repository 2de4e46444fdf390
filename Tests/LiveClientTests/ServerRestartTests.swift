import CoachServer
import Foundation
import Storage
import Telemetry
import TestSupport
import Testing

@testable import LiveClient

/// The server process stopped and started again on the same port and database in the middle
/// of a lap: the client keeps the frames, reconnects, and starts a new session (the old one
/// died with the process). No frame is stored twice: what the dead server never acknowledged
/// is not sent again, and the status says so.
@Suite(
    .enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data is absent"),
    .enabled(if: ServerProcess.executable != nil, "skipped: trailbrake is not built"), .timeLimit(.minutes(3)))
struct ServerRestartTests {
    @Test func theServerRestartedMidLap() async throws {
        let server = try await ServerProcess(port: try freePort())
        defer { server.tearDown() }
        let file = TestData.sharedDataDirectory!.appendingPathComponent("telemetry/rr_skmodified_langley_2015-05-28_14-46-23.ibt")
        let source = CountingSource(inner: IRacingSource(opener: IBTReplayOpener(files: [file], speed: 4, lossless: true)))
        let log = EventLog()
        let streamer = Streamer(settings: try testSettings(server.liveURL, token: server.token), simName: "iRacing (replay)", report: log.record)
        let run = Task { try await streamer.run(source) }
        try await Task.sleep(for: .seconds(6))  // lap 174 is under way
        try await server.restart()
        try await run.value
        server.stop()

        #expect(log.contains("connection lost:"))
        #expect(log.lines.filter { $0.hasPrefix("connected: new session") }.count == 2, "\(log.lines)")
        #expect(log.lastStatus?.link == .finished)
        let database = try TrailbrakeDatabase(path: server.databasePath)
        let driver = try #require(try await StorageBackedDrivers(database: database).authenticate(token: server.token))
        var times: [Double] = []
        for session in try await SessionRepository(database: database).sessions(driverID: driver.id) {
            for lap in try await LapRepository(database: database).laps(sessionID: session.id, driverID: driver.id) {
                times += try await LapRepository(database: database).telemetry(lapID: lap.id, driverID: driver.id)?.map(\.sessionTime) ?? []
            }
        }
        #expect(Set(times).count == times.count, "no frame stored twice across the restart")
        #expect(times.count <= source.count)
    }
}
