import CoachServer
import Coaching
import Foundation
import Storage
import Testing

@testable import CoachServer

/// The per-driver and per-session limits at their edges on a real server (docs/protocol.md,
/// "Limits"): the last batch or lap within a limit goes through, the next one gets the limit's
/// error code and the socket is closed with 1008.
@Suite(.serialized) struct LiveLimitsTests {
    @Test func theBatchPastTheBurstIsRateLimitedAndTheSessionStaysResumable() async throws {
        try await RunningServer.with(configure: { $0.live.batchBurst = 20; $0.live.batchesPerSecond = 0.5 }) { server in
            let sessionBox = ResultBox<String>()
            let close = try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello()))
                    await sessionBox.set(try #require(try await reader.next("welcome")?.session))
                    for seq in 1...21 { try await outbound.write(.binary(ClientMessages.binaryFrames(seq: UInt64(seq), ClientMessages.frames(1, from: seq)))) }
                    let error = try #require(try await reader.next("error"), "no error before the close")
                    #expect(error.code == "rate_limited" && error.fatal == true)
                    _ = try await reader.drainUntilClosed()
                }
            }
            #expect(close?.closeCode == .policyViolation)
            let session = try #require(await sessionBox.value)
            // The 20 batches within the burst were processed; the session waits for a resume.
            try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello(resume: (session, 20))))
                    let welcome = try #require(try await reader.next("welcome"))
                    #expect(welcome.resumed == true && welcome.next_seq == 21)
                }
            }
        }
    }

    @Test func theLapPastTheSessionLimitIsNotStoredAndTheSessionEnds() async throws {
        var backend = TestBackend()
        backend.coachFactory.lapEvery = 10
        backend.store = RecordingSessionStore(storeDelay: .zero)
        try await RunningServer.with(backend: backend, configure: { $0.live.maxLapsPerSession = 3 }) { server in
            let sessionBox = ResultBox<String>()
            let close = try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello()))
                    await sessionBox.set(try #require(try await reader.next("welcome")?.session))
                    // Four laps of 10 frames in one batch of 40.
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, ClientMessages.frames(40))))
                    var laps = 0
                    while let reply = try await reader.next(skipping: []) {
                        if reply.type == "lap" { laps += 1 }
                        if reply.type == "error" {
                            #expect(reply.code == "too_many_laps" && reply.fatal == true)
                            break
                        }
                    }
                    #expect(laps == 3)
                    _ = try await reader.drainUntilClosed()
                }
            }
            #expect(close?.closeCode == .policyViolation)
            #expect(await server.backend.store.laps.count == 3)
            let session = try #require(await sessionBox.value)
            // Ended, not kept for a resume: a resume starts a new session.
            try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello(resume: (session, 1))))
                    #expect(try await reader.next("welcome")?.resumed == false)
                }
            }
        }
    }

    /// The real coach with a 1,000-frame lap cap: a car standing still is told `lap_too_long`
    /// and nothing is stored (it drove no lap); a car crawling round gets its cut lap stored as
    /// an invalid `too_long` lap.
    @Test func theLapCapEndsTheLapAndTellsTheDriver() async throws {
        try await EndToEndServer.with(library: ReferenceLibrary(entries: []), configure: { $0.coaching.maxLapFrames = 1_000 }) { server in
            let hello = ClientMessages.hello(trackLength: 1_000)
            let (standing, _) = try await LiveStream.run(url: server.liveURL, token: server.token, hello: hello) { stream, welcome in
                let frames = (0..<1_200).map { ClientMessages.Frame(t: 10 + Double($0) / 60, lap: 2, dist: 150, speed: 0, throttle: 0) }
                for (index, batch) in stride(from: 0, to: frames.count, by: 120).enumerated() {
                    try await stream.send(ClientMessages.binaryFrames(seq: UInt64(index + 1), Array(frames[batch..<batch + 120])))
                }
                let error = try await stream.inbox.next("error", after: 0)
                return (session: welcome.session ?? "", error: error.reply)
            }
            #expect(standing.error.code == "lap_too_long" && standing.error.fatal == false)
            #expect(standing.error.message?.contains("1000 frames") == true, "\(standing.error.message ?? "")")

            let (crawling, _) = try await LiveStream.run(url: server.liveURL, token: server.token, hello: hello) { stream, welcome in
                // 0.6 m a frame from 10 m: the 1,000 frames before the cut cover 600 m of the 1,000 m lap.
                let frames = (0..<1_200).map {
                    ClientMessages.Frame(t: 10 + Double($0) / 60, lap: 2, dist: Float(10 + 0.6 * Double($0)), speed: 36, throttle: 0.3)
                }
                for (index, batch) in stride(from: 0, to: frames.count, by: 120).enumerated() {
                    try await stream.send(ClientMessages.binaryFrames(seq: UInt64(index + 1), Array(frames[batch..<batch + 120])))
                }
                let error = try await stream.inbox.next("error", after: 0)
                let lap = try await stream.inbox.next("lap", after: 0)
                return (session: welcome.session ?? "", error: error.reply, lap: lap.reply)
            }
            #expect(crawling.error.code == "lap_too_long")
            #expect(crawling.lap.valid == false && crawling.lap.invalid_reason == "too_long" && crawling.lap.stored == true)

            let laps = LapRepository(database: server.database)
            #expect(try await laps.laps(sessionID: standing.session, driverID: server.driverID).isEmpty)
            let stored = try await laps.laps(sessionID: crawling.session, driverID: server.driverID)
            #expect(stored.map(\.invalidReason) == ["too_long"] && stored.first?.frameCount == 1_000)
        }
    }
}
