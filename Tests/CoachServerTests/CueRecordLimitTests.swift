import Foundation
@testable import ServerSettings
import Testing

@testable import CoachServer

/// Cue records are written off the live path, one batch at a time per session, with at most
/// `storage.max_cue_records_waiting_per_session` waiting: a slow database delays no cue, and
/// past the limit cues are sent but not recorded.
@Suite struct CueRecordLimitTests {
    @Test func theLimitIsAcceptedAtItsEdgeAndReachesTheQueueSettings() throws {
        let key = "max_cue_records_waiting_per_session"
        #expect(try ServerConfiguration.load(file: [:], environment: [:]).storage.maxCueRecordsWaitingPerSession == 1_000)
        let lowest = try ServerConfiguration.load(file: ["storage": [key: .integer(1)]], environment: [:])
        #expect(LapStoreSettings(lowest.storage).maxCueRecordsWaitingPerSession == 1)
        #expect(throws: ConfigurationError.self) { try ServerConfiguration.load(file: ["storage": [key: .integer(0)]], environment: [:]) }
    }

    @Test func pastTheLimitCuesAreSentButNotRecordedAndNoCueWaitsForARecord() async throws {
        let recordDelay = Duration.seconds(2)
        let store = RecordingSessionStore(cueRecordDelay: recordDelay)
        let backend = TestBackend(coachFactory: FakeCoachFactory(lapEvery: 1_000), store: store)
        try await RunningServer.with(backend: backend, configure: { $0.storage.maxCueRecordsWaitingPerSession = 2 }) { server in
            try await withTimeout(seconds: 30) {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    var first = ClientMessages.frames(2)
                    first[0].brake = 0.95
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, first)))
                    _ = try await reader.next("cue")
                    // The first cue's record now takes `recordDelay`; three more cues meet a
                    // waiting list of two: one is not recorded. All three are sent at once.
                    var next = ClientMessages.frames(3, from: 3)
                    for index in next.indices { next[index].brake = 0.95 }
                    let sentAt = ContinuousClock.now
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 2, next)))
                    for _ in 0..<3 { #expect(try await reader.next("cue")?.seq == 2) }
                    #expect(ContinuousClock.now - sentAt < recordDelay)
                }
            }
            // The session has ended, after its records.
            #expect(await store.cueLaps.count == 3)
        }
    }
}
