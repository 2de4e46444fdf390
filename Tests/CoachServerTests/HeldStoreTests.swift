import Foundation
@testable import ServerSettings
import Testing

@testable import CoachServer

/// The database held (a backup, a stuck disk) while a driver streams: every batch's cue and ack
/// still go out at once, because the drain only hands laps to the session's line of reports.
/// Past `storage.max_laps_waiting_per_session` a lap is refused, not waited for: counted in
/// `trailbrake_laps_lost_total` and reported in its turn, `stored: false` without a ticket.
@Suite struct HeldStoreTests {
    /// Far longer than a cue may take: a drain that waited for the store cannot pass.
    static let storeDelay = Duration.seconds(4)

    @Test func theLimitIsAcceptedAtItsEdgeAndReachesTheQueueSettings() throws {
        let key = "max_laps_waiting_per_session"
        #expect(try ServerConfiguration.load(file: [:], environment: [:]).storage.maxLapsWaitingPerSession == 8)
        let lowest = try ServerConfiguration.load(file: ["storage": [key: .integer(1)]], environment: [:])
        #expect(LapStoreSettings(lowest.storage).maxLapsWaitingPerSession == 1)
        #expect(throws: ConfigurationError.self) { try ServerConfiguration.load(file: ["storage": [key: .integer(0)]], environment: [:]) }
    }

    @Test func cuesKeepFlowingWhileTheStoreIsHeldAndLapsPastTheLineAreRefusedInOrder() async throws {
        let store = RecordingSessionStore(storeDelay: Self.storeDelay)
        let backend = TestBackend(coachFactory: FakeCoachFactory(lapEvery: 2), store: store)
        let configure: @Sendable (inout ServerConfiguration) -> Void = {
            // The store answers only after its delay (no `pending` in between), one lap at a
            // time per driver, and two laps may wait in the session.
            $0.storage.lapStoreWaitMilliseconds = 60_000
            $0.storage.maxPendingLapWritesPerDriver = 1
            $0.storage.maxLapsWaitingPerSession = 2
        }
        try await RunningServer.with(backend: backend, configure: configure) { server in
            try await withTimeout(seconds: 40) {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    // Each batch ends a lap on a braking frame: a cue, then a lap for the store.
                    // Lap 1 is being stored, lap 2 waits, laps 3 and 4 find the line full.
                    for sequence in 1...4 {
                        var frames = ClientMessages.frames(2, from: 2 * sequence - 1)
                        for index in frames.indices { frames[index].lap = Int32(sequence) }
                        frames[1].brake = 0.95
                        let sentAt = ContinuousClock.now
                        try await outbound.write(.binary(ClientMessages.binaryFrames(seq: UInt64(sequence), frames)))
                        #expect(try await reader.next("cue")?.seq == UInt64(sequence))
                        #expect(ContinuousClock.now - sentAt < .seconds(1), "batch \(sequence)'s cue waited for the store")
                    }
                    // The `lap` messages in the coach's order: two stored, two refused with an
                    // `internal` error each.
                    var laps: [(lap: Int32, stored: Bool, pendingIsNull: Bool)] = []
                    var internalErrors = 0
                    while laps.count < 4, let reply = try await reader.next(nil) {
                        if reply.type == "error", reply.code == "internal" { internalErrors += 1 }
                        guard reply.type == "lap" else { continue }
                        let object = try #require(try JSONSerialization.jsonObject(with: Data(reader.lastRaw.utf8)) as? [String: Any])
                        laps.append((reply.lap ?? 0, reply.stored ?? false, object["pending"] is NSNull))
                    }
                    #expect(laps.map(\.lap) == [1, 2, 3, 4])
                    #expect(laps.map(\.stored) == [true, true, false, false])
                    #expect(laps.allSatisfy { $0.pendingIsNull })
                    #expect(internalErrors == 2)
                    #expect(server.server.metrics.exposition().contains("trailbrake_laps_lost_total 2"))
                }
            }
            #expect(await store.laps.map(\.lap.lapNumber) == [1, 2])
        }
    }
}
