import Testing

@testable import Discord

/// The claim and release announcements wait in a bounded queue: full, the oldest is dropped and
/// counted; the posting task gets them in order and stops when cancelled.
@Suite struct LeagueAnnouncementQueueTests {
    @Test func aFullQueueDropsTheOldestAndCountsIt() async {
        let queue = LeagueAnnouncementQueue(capacity: 2)
        for text in ["a", "b", "c"] { queue.offer(.init(channelID: "1", text: text, nonce: text)) }
        #expect(queue.count == 2)
        #expect(queue.droppedCount == 1)
        #expect(await queue.next()?.text == "b")
        #expect(await queue.next()?.text == "c")
        #expect(queue.count == 0)
    }

    @Test func aWaitingTakerWakesForAnOfferAndEndsWhenCancelled() async throws {
        let queue = LeagueAnnouncementQueue(capacity: 4)
        let taker = Task { await queue.next()?.text }
        try await Task.sleep(for: .milliseconds(50))
        queue.offer(.init(channelID: "1", text: "late", nonce: "n"))
        #expect(await taker.value == "late")
        let idle = Task { await queue.next() }
        try await Task.sleep(for: .milliseconds(50))
        idle.cancel()
        #expect(await idle.value == nil)
    }
}
