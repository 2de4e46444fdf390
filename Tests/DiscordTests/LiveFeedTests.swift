import Foundation
import Integration
import Testing

@testable import Discord

/// The live feed: batched per channel, important cues only, bounded and non-blocking while
/// Discord stalls.
@Suite(.enabled(if: DiscordFixtures.available, "needs ../shared/data/discord (absent)"), .timeLimit(.minutes(1)))
struct LiveFeedTests {
    static func lap(_ number: Int, driver: String = "ana") -> CoachingFeedEvent {
        .lapCompleted(LapSummaryEvent(
            driverName: driver, sessionID: "s1", trackName: "Okayama", car: "MX-5", lapNumber: number, lapTime: 92.1 + Double(number),
            valid: true, deltaToReference: 0.25))
    }

    static func cue(_ text: String, severity: Int, driver: String = "ana") -> CoachingFeedEvent {
        .cue(CueEvent(driverName: driver, sessionID: "s1", lapNumber: 3, cornerNumber: 5, text: text, severity: severity))
    }

    @Test func aBurstBecomesFewMessagesWithOnlyImportantCues() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake, configure: { $0.feedBatchInterval = .milliseconds(300) }) { running in
                try await running.link("ana")
                try await running.repository.follow(.init(guildID: RunningBot.guild, driverName: "ana", channelID: "700"))
                running.bot.feed.offer(Self.cue("minor thing", severity: 1))
                running.bot.feed.offer(Self.cue("brake later", severity: 2))
                running.bot.feed.offer(Self.lap(3))
                running.bot.feed.offer(Self.cue("someone else", severity: 3, driver: "bo"))
                for number in 4..<40 { running.bot.feed.offer(Self.lap(number)) }
                try await eventually("lines posted") {
                    await fake.rest.messages(in: "700").map { $0.payloadObject["content"] as? String ?? "" }.joined().contains("lap 39")
                }
                let messages = await fake.rest.messages(in: "700")
                #expect(messages.count <= 3)
                let text = messages.map { $0.payloadObject["content"] as? String ?? "" }.joined(separator: "\n")
                #expect(text.contains("brake later"))
                #expect(!text.contains("minor thing"))
                #expect(!text.contains("someone else"))
                #expect(text.contains("lap 3 at Okayama: 1:35.100 (+0.250 s to ref)"))
                #expect(messages.allSatisfy { $0.payloadObject["flags"] as? Int == MessagePayload.Flag.suppressNotifications })
                #expect(await fake.rest.tooManyRequests == 0)
            }
        }
    }

    @Test func offerStaysFastAndBoundedWhileDiscordStalls() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.link("ana")
                try await running.repository.follow(.init(guildID: RunningBot.guild, driverName: "ana", channelID: "701"))
                await fake.rest.setStalled(true)
                running.bot.feed.offer(Self.lap(1))
                try await eventually("the publisher is stuck in a post") { await fake.rest.requests(matching: "POST", "channels/701").count == 1 }
                let clock = ContinuousClock()
                var durations: [Duration] = []
                durations.reserveCapacity(10_000)
                for number in 0..<10_000 {
                    let started = clock.now
                    running.bot.feed.offer(Self.lap(number))
                    durations.append(clock.now - started)
                }
                durations.sort()
                let median = durations[durations.count / 2]
                let p99 = durations[durations.count * 99 / 100]
                #expect(running.bot.feed.count == running.bot.feed.capacity)
                #expect(running.bot.feed.droppedCount == 10_000 - running.bot.feed.capacity)
                // Microseconds, not the network (a stalled post would take seconds). The bounds are
                // generous for a debug build on a shared machine; rare preemptions are excluded.
                #expect(median < .microseconds(50), "median offer took \(median)")
                #expect(p99 < .milliseconds(1), "99th percentile offer took \(p99)")
                await fake.rest.setStalled(false)
                try await eventually("the newest laps posted after the stall") {
                    await fake.rest.messages(in: "701").contains { ($0.payloadObject["content"] as? String)?.contains("lap 9999") == true }
                }
            }
        }
    }

    @Test func queueDropsTheOldestFirst() {
        let queue = CoachingFeedQueue(capacity: 3)
        for number in 1...5 { queue.offer(Self.lap(number)) }
        #expect(queue.droppedCount == 2)
        #expect(queue.takeAll() == [Self.lap(3), Self.lap(4), Self.lap(5)])
        #expect(queue.count == 0)
    }
}
