import Coaching
import LapSynthesis
import Foundation
import Storage
import Telemetry
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// "A server killed with SIGKILL loses no lap whose `lap` message reached the client": the real
/// `trailbrake serve` process is killed the instant the first timed lap is heard, then the database
/// it left behind is opened cold and must hold every lap the client was told about.
@Suite(.enabled(if: EndToEndServerProcess.executable != nil, "skipped: the trailbrake executable is not built (swift build)"))
struct EndToEndKillTests {
    static let lapTimeTolerance = 0.005

    @Test func lapsHeardByTheClientSurviveSIGKILL() async throws {
        let executable = try #require(EndToEndServerProcess.executable)
        let server = try await EndToEndServerProcess(executable: executable)
        defer { server.tearDown() }

        let synthetic = LapSynthesizer.frames(track: .testCircuit, car: .gt4, laps: 3)
        let track = SyntheticTrack.testCircuit
        let hello = try Self.hello(track: track.descriptor, car: CarProfile.gt4.name)
        let batches = EndToEndFrameEncoder(for: synthetic.frames).batches(synthetic.frames, size: 6)
        let pid = server.pid
        let client = EndToEndLiveClient(url: server.liveURL, token: server.token, tls: nil)
        let transcript = try await withTimeout(seconds: 30) {
            try await client.stream(hello: hello, batches: batches, connectionMayDie: true) { reply in
                guard reply.type == "lap", reply.time != nil else { return .keepReading }
                kill(pid, SIGKILL)  // at once: nothing may happen between hearing the lap and the kill
                return .stop
            }
        }
        server.process.waitUntilExit()
        #expect(server.process.terminationReason == .uncaughtSignal && server.process.terminationStatus == SIGKILL,
                "the server must have died by SIGKILL, not shut down")

        let heard = transcript.all("lap")
        #expect(heard.contains { $0.time != nil }, "no timed lap was heard before the kill")
        let session = try #require(transcript.welcome.session)
        let database = try TrailbrakeDatabase(path: server.databasePath)
        let driver = try #require(try await DriverRepository(database: database).authenticate(token: server.token))
        let repository = LapRepository(database: database)
        let stored = try await repository.laps(sessionID: session, driverID: driver.id)
        for lap in heard {
            print("heard lap \(lap.lap ?? -1): time \(lap.time.map { String(format: "%.4f", $0) } ?? "null"), lap_id \(lap.lap_id ?? -1)")
            let row = try #require(stored.first { $0.id == lap.lap_id }, "lap \(lap.lap ?? -1) was heard but is not in the database")
            #expect(row.lapNumber == lap.lap && row.lapTime == lap.time && row.isValid == lap.valid)
            let frames = try #require(try await repository.telemetry(lapID: row.id, driverID: driver.id))
            #expect(frames.count == row.frameCount && !frames.isEmpty)
            // The stored frames are a run of the frames sent, within the codec's 2^-14 s time step.
            let first = try #require(frames.first)
            let start = try #require(synthetic.frames.firstIndex { abs($0.sessionTime - first.sessionTime) <= 0x1p-15 })
            let sent = synthetic.frames[start...].prefix(frames.count)
            #expect(sent.count == frames.count)
            #expect(zip(frames, sent).allSatisfy { abs($0.sessionTime - $1.sessionTime) <= 0x1p-15 && $0.lapNumber == $1.lapNumber })
            if let time = lap.time, let number = lap.lap, synthetic.lapTimes.indices.contains(Int(number) - 1) {
                // The synthesiser's ground truth for that lap, independent of the server.
                let truth = synthetic.lapTimes[Int(number) - 1]
                print(String(format: "lap %d: stored %.4f s, synthesised %.4f s", number, time, truth))
                #expect(abs(time - truth) < Self.lapTimeTolerance)
            }
        }
    }

    static func hello(track: TrackDescriptor, car: String) throws -> String {
        let object: [String: Any] = [
            "type": "hello", "protocol": 1, "sim": "iracing",
            "track": ["name": track.name, "config": track.configuration, "length": track.length],
            "car": car, "session": "practice", "language": "en", "voice": false, "codec": "binary",
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}
