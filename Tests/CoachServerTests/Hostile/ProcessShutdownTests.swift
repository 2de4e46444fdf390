import Coaching
import LapSynthesis
import Foundation
import NIOCore
import Storage
import Telemetry
import Testing

/// The real `trailbrake serve` process: SIGTERM while a client never reads exits within the
/// shutdown grace with every session's partial lap stored; a client resuming after a restart
/// gets a new session.
@Suite(.serialized, .enabled(if: EndToEndServerProcess.executable != nil, "skipped: the trailbrake executable is not built (swift build)"))
struct ProcessShutdownTests {
    static let grace = 1.0

    /// The first 40 % of lap 1 of the synthetic circuit, in 6-frame batches: a partial lap.
    static let partialLap: [ByteBuffer] = {
        let frames = LapSynthesizer.frames(track: .testCircuit, car: .gt4, laps: 1).frames
        let lap = frames.filter { $0.lapNumber == frames.first?.lapNumber }
        let part = Array(lap.prefix(lap.count * 2 / 5))
        return EndToEndFrameEncoder(for: part).batches(part, size: 6)
    }()
    static var partialLapFrames: Int { partialLap.reduce(0) { $0 + Int($1.getInteger(at: 16, endianness: .little, as: UInt16.self) ?? 0) } }

    static func hello(resume: (String, UInt64)? = nil) throws -> String {
        var object = try JSONSerialization.jsonObject(
            with: Data(EndToEndKillTests.hello(track: SyntheticTrack.testCircuit.descriptor, car: CarProfile.gt4.name).utf8))
            as? [String: Any] ?? [:]
        if let (session, last) = resume { object["resume"] = ["session": session, "last_seq": last] }
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    /// A session that has streamed the partial lap, every batch acknowledged.
    static func streamPartialLap(port: Int, token: String) async throws -> (HostileWebSocket, session: String) {
        let client = try await HostileWebSocket.connect(port: port, token: token)
        try await client.send(text: try hello())
        let session = try await client.next("welcome").session.orThrow("no session")
        for batch in partialLap { try await client.send(binary: batch) }
        var acknowledged: UInt64 = 0
        while acknowledged < UInt64(partialLap.count) { acknowledged = try await client.next("ack", skipping: ["delta", "cue"]).seq ?? 0 }
        return (client, session)
    }

    /// Each session's record and partial laps, read from the database the process left.
    static func stored(_ server: EndToEndServerProcess, sessions: [String]) async throws -> [(ended: Bool, partialFrames: [Int])] {
        let database = try TrailbrakeDatabase(path: server.databasePath)
        let driver = try #require(try await DriverRepository(database: database).authenticate(token: server.token))
        let records = try await SessionRepository(database: database).sessions(driverID: driver.id)
        var result: [(Bool, [Int])] = []
        for session in sessions {
            let laps = try await LapRepository(database: database).laps(sessionID: session, driverID: driver.id)
            result.append((records.first { $0.id == session }?.endedAt != nil, laps.filter { !$0.isValid }.map(\.frameCount)))
        }
        return result
    }

    @Test func sigtermWhileAClientNeverReadsExitsWithinTheGraceWithEveryPartialLapStored() async throws {
        let executable = try #require(EndToEndServerProcess.executable)
        let server = try await EndToEndServerProcess(
            executable: executable, environment: ["TRAILBRAKE_LIVE_SHUTDOWN_GRACE_SECONDS": "\(Self.grace)"])
        defer { server.tearDown() }
        let (port, token) = (server.port, server.token)
        let (stuck, stuckSession) = try await withTimeout(seconds: 60) { try await Self.streamPartialLap(port: port, token: token) }
        try await stuck.socket.stopReading()
        let (reading, readingSession) = try await withTimeout(seconds: 60) { try await Self.streamPartialLap(port: port, token: token) }

        let took = try #require(await server.terminateGracefully(within: 20), "the server did not exit after SIGTERM")
        print("exited \(took) after SIGTERM (grace \(Self.grace) s, close timeout 15 s)")
        #expect(took < .seconds(Self.grace + 4))
        #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0)
        // The reading client heard that the server is going away.
        let (_, close) = try await reading.readUntilClose(timeout: 5)
        #expect(close.closeCode == 1001 && close.closeReason == "server_shutdown")

        for (session, stored) in zip([stuckSession, readingSession], try await Self.stored(server, sessions: [stuckSession, readingSession])) {
            #expect(stored.ended, "session \(session) has no ended_at")
            #expect(stored.partialFrames == [Self.partialLapFrames], "session \(session): partial laps \(stored.partialFrames)")
        }
    }

    @Test func aResumeAfterARestartStartsANewSessionAndTheOldOneWasStored() async throws {
        let executable = try #require(EndToEndServerProcess.executable)
        let first = try await EndToEndServerProcess(executable: executable)
        let (firstPort, token) = (first.port, first.token)
        let (client, session) = try await withTimeout(seconds: 60) { try await Self.streamPartialLap(port: firstPort, token: token) }
        guard await first.terminateGracefully(within: 20) != nil else {
            first.tearDown()
            throw TestFailure("the server did not exit after SIGTERM")
        }
        await client.socket.close()
        let second = try await EndToEndServerProcess(executable: executable, restarting: first)
        defer { second.tearDown() }

        let secondPort = second.port
        try await withTimeout(seconds: 30) {
            let again = try await HostileWebSocket.connect(port: secondPort, token: token)
            try await again.send(text: try Self.hello(resume: (session, UInt64(Self.partialLap.count))))
            let welcome = try await again.next("welcome")
            #expect(welcome.resumed == false && welcome.session != session && welcome.next_seq == 1)
        }
        let stored = try await Self.stored(second, sessions: [session])
        #expect(stored.first?.ended == true && stored.first?.partialFrames == [Self.partialLapFrames])
    }
}

extension EndToEndServerProcess {
    var port: Int { Int(baseURL.split(separator: ":").last ?? "") ?? 0 }
}
