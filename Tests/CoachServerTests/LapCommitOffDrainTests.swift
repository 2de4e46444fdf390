import CoachServer
import Foundation
import Testing

/// The lap's commit is off the live path: while a slow store commits a lap, the next batch's
/// cue and ack go out at once; the `lap` message follows the commit, right after an ack.
@Suite struct LapCommitOffDrainTests {
    /// Far longer than a cue may take, so a cue that waited for the commit cannot pass.
    static let storeDelay = Duration.seconds(3)

    @Test func aSlowLapStoreDoesNotDelayTheNextBatchsCueOrAck() async throws {
        let backend = TestBackend(coachFactory: FakeCoachFactory(lapEvery: 10), store: RecordingSessionStore(storeDelay: Self.storeDelay))
        try await RunningServer.with(backend: backend) { server in
            try await withTimeout(seconds: 30) {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, ClientMessages.frames(4))))
                    // Frame 10 completes a lap: its store takes `storeDelay`.
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 2, ClientMessages.frames(6, from: 5))))
                    var braking = ClientMessages.Frame(t: 11)
                    braking.brake = 0.95
                    let sentAt = ContinuousClock.now
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 3, [braking])))
                    var seen: [Reply] = []
                    while let reply = try await reader.next(), reply.type != "lap" { seen.append(reply) }
                    let lapAt = ContinuousClock.now
                    let lap = try JSONDecoder().decode(Reply.self, from: Data(reader.lastRaw.utf8))
                    let cue = try #require(seen.firstIndex { $0.type == "cue" })
                    #expect(seen[cue].seq == 3)
                    // The batch after the lap was coached and acknowledged before the lap's commit ended.
                    #expect(seen.contains { $0.type == "ack" && $0.seq == 3 })
                    #expect(lapAt - sentAt >= Self.storeDelay - .milliseconds(500))
                    // Stored first, and the protocol's ack right before the lap.
                    #expect(lap.stored == true)
                    #expect(lap.lap_id == 1)
                    #expect(seen.last?.type == "ack")
                    #expect(seen.last?.seq == 3)
                    await server.backend.store.note("received lap \(lap.lap_id ?? 0)")
                }
            }
            let log = await backend.store.log
            let stored = try #require(log.firstIndex(of: "stored lap 1"))
            let received = try #require(log.firstIndex(of: "received lap 1"))
            #expect(stored < received)
        }
    }
}
