import Foundation
import ReferenceTools
import Storage
import Telemetry
import TestSupport
import Testing

@testable import LiveClient

/// `iracing --replay-ibt`: each real .ibt played through the live map path (the reader Windows
/// uses), streamed to a real server, stores the laps `trailbrake reference laps` lists for the
/// file, each within 1 ms of its time, and counts every frame once.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data is absent"), .serialized)
struct IRacingReplayTests {
    static var directory: URL { TestData.sharedDataDirectory!.appendingPathComponent("telemetry") }

    /// Every .ibt with rows in it (the empty and the not-an-ibt files have their own test).
    static let replayable: [String] = {
        guard let directory = TestData.sharedDataDirectory?.appendingPathComponent("telemetry"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix(".ibt") && (try? IBTFile(contentsOf: directory.appendingPathComponent($0))) != nil }.sorted()
    }()

    @Test(arguments: replayable)
    func replayStoresTheLapsReferenceLapsLists(file: String) async throws {
        let url = Self.directory.appendingPathComponent(file)
        let listed = try LapImporter(recording: LapRecordingReader.read(url)).split.laps.filter { $0.lapTime != nil }
        let rows = try IBTFile(contentsOf: url).rowCount
        let home = try await LiveTestServer.Home()
        defer { home.remove() }
        try await LiveTestServer.with(home: home) { server in
            let source = IRacingSource(opener: IBTReplayOpener(files: [url], speed: 30, lossless: true))
            let log = try await stream(source, settings: try testSettings(server.liveURL, token: server.token))
            let status = try #require(log.lastStatus)
            #expect(status.link == .finished)
            #expect(status.droppedFrames == 0 && status.bufferedFrames == 0)
            let accepted = Int(server.metric("trailbrake_live_frames_total") ?? -1)
            #expect(accepted == rows - status.refusedFrames, "every frame sent counted once")
            #expect(log.contains("session: iracing"))
            #expect(log.contains("ended: every frame acknowledged"))
        }
        let stored = try await home.storedLaps()
        for lap in listed {
            let match = stored.first { Int($0.lapNumber) == lap.number && $0.lapTime != nil }
            let time = try #require(match?.lapTime, "\(file): lap \(lap.number) was not stored with a time")
            #expect(abs(time - lap.lapTime!) <= 0.001, "\(file): lap \(lap.number) \(time) s, reference laps says \(lap.lapTime!) s")
        }
        #expect(stored.reduce(0) { $0 + $1.frameCount } <= rows, "no frame stored twice")
    }

    @Test func aFileThatIsNotAnIBTIsAClearErrorNotACrash() async throws {
        for name in ["teamjorge_invalid_test_file.ibt", "teamjorge_empty_test_file.ibt"] {
            let source = IRacingSource(opener: IBTReplayOpener(files: [Self.directory.appendingPathComponent(name)]))
            let settings = try testSettings("ws://127.0.0.1:9", token: "unused")
            do {
                _ = try await stream(source, settings: settings)
                Issue.record("\(name) was replayed")
            } catch let error as IRacingSourceError {
                #expect("\(error)".hasPrefix("cannot replay: live memory layout:"), "\(error)")
            }
        }
    }

    /// Two files one after the other are two sim runs: the map goes away and comes back with
    /// another car and track, and the streamer ends the first session and says hello again.
    @Test func aRestartedSimWithAnotherCarIsANewSession() async throws {
        let files = ["rr_skmodified_langley_2015-05-28_14-45-12.ibt", "iracingrs_mercedesamggt4_sebring_2025-11-20.ibt"]
        let home = try await LiveTestServer.Home()
        defer { home.remove() }
        try await LiveTestServer.with(home: home) { server in
            let opener = IBTReplayOpener(files: files.map { Self.directory.appendingPathComponent($0) }, speed: 60, lossless: true)
            let log = try await stream(IRacingSource(opener: opener), settings: try testSettings(server.liveURL, token: server.token))
            let sessions = log.events.compactMap { if case .sessionStarted(let session) = $0 { session } else { nil } }
            #expect(sessions.map(\.track.name) == ["Langley Speedway", "Sebring International Raceway"])
            #expect(log.lines.filter { $0.contains("ended: every frame acknowledged") }.count == 2)
        }
        #expect(try await SessionRepository(database: home.database).sessions(driverID: home.driverID).count == 2)
    }
}
