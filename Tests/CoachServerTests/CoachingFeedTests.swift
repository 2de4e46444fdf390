import Foundation
import Integration
import Synchronization
import Testing

@testable import CoachServer

/// The live session offers its cues and finished laps to the coaching feed (the Discord bot).
@Suite struct CoachingFeedTests {
    final class RecordingFeed: CoachingFeedSink {
        let events = Mutex<[CoachingFeedEvent]>([])
        func offer(_ event: CoachingFeedEvent) { events.withLock { $0.append(event) } }
    }

    @Test func cuesAndLapsAreOfferedWithTheDriverAndLap() async throws {
        let feed = RecordingFeed()
        var backend = TestBackend(coachFactory: FakeCoachFactory(lapEvery: 10))
        backend.coachingFeed = feed
        try await RunningServer.with(backend: backend) { server in
            try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello()))
                    _ = try await reader.next("welcome")
                    var frames = ClientMessages.frames(10)
                    frames[1].brake = 0.95
                    try await outbound.write(.text(ClientMessages.jsonFrames(seq: 1, frames)))
                    while let reply = try await reader.next(), reply.type != "lap" {}
                }
            }
        }
        let events = feed.events.withLock { $0 }
        let laps = events.compactMap { event -> LapSummaryEvent? in
            if case .lapCompleted(let lap) = event { return lap }
            return nil
        }
        let cues = events.compactMap { event -> CueEvent? in
            if case .cue(let cue) = event { return cue }
            return nil
        }
        #expect(laps.count >= 1)
        #expect(cues.count >= 1)
        #expect(Set(events.map(\.driverName)).count == 1)
        #expect(cues.first?.severity ?? 0 >= 1)
    }
}
