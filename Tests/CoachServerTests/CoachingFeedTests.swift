import Foundation
import Integration
import Synchronization
import Testing

@testable import CoachServer

/// The live session offers its cues and finished laps to the coaching feed (the Discord bot);
/// a cue whose clip renders within the late-clip window is offered once, with that clip.
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
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
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

    @Test(arguments: [true, false])
    func aLateClipReachesTheFeedWithItsCue(driverListens: Bool) async throws {
        let cues = try await Self.feedCues(renderDelay: .milliseconds(50), driverListens: driverListens)
        try #require(cues.count == 1, "each cue is offered once: \(cues.map(\.text))")
        #expect(cues[0].text == LiveVoiceTests.cueText)
        #expect(cues[0].voiceClip == Data(FakeCueVoice.bytes(for: LiveVoiceTests.cueText)))
        #expect(cues[0].voiceDuration == FakeCueVoice.duration)
    }

    @Test func aCueWhoseClipMissesTheWindowIsOfferedOnceWithoutIt() async throws {
        let cues = try await Self.feedCues(renderDelay: LiveSession.lateClipWindow + .milliseconds(300), driverListens: true)
        #expect(cues.count == 1, "\(cues.map(\.text))")
        #expect(cues.first?.voiceClip == nil)
        #expect(cues.first?.voiceDuration == nil)
    }

    /// One cue with a voice that renders in `renderDelay` and no clip ready, then the cues the
    /// feed got by the time a clip rendered too late has come and gone.
    static func feedCues(renderDelay: Duration, driverListens: Bool) async throws -> [CueEvent] {
        let feed = RecordingFeed()
        var backend = TestBackend(voice: FakeCueVoice(renderDelay: renderDelay, preparesAtOnce: false))
        backend.coachingFeed = feed
        try await RunningServer.with(backend: backend) { server in
            try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(LiveVoiceTests.hello(voice: driverListens)))
                    _ = try await reader.next("welcome")
                    var frames = ClientMessages.frames(3, from: 3)
                    frames[1].brake = 0.95
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, frames)))
                    try await Task.sleep(for: max(LiveSession.lateClipWindow, renderDelay) + .milliseconds(400))
                }
            }
        }
        return feed.events.withLock { $0 }.compactMap { event in
            if case .cue(let cue) = event { return cue }
            return nil
        }
    }
}
