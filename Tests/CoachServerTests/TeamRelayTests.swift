import Coaching
import Testing

@testable import CoachServer

/// The team messages' bounds, each at its edge: the per-driver box (full: refused, nothing
/// dropped), the per-sender rate, the message's length and characters.
struct TeamRelayTests {
    @Test func aFullBoxRefusesTheNextMessageAndKeepsTheWaitingOnes() {
        let box = RelayBox(capacity: 2)
        #expect(box.offer(RelayedMessage(id: 1, sender: "a", text: "x")) == .notLive, "no live session: nobody would hear it")
        box.sessionStarted("s1")
        #expect(!box.hasWaiting)
        #expect(box.offer(RelayedMessage(id: 1, sender: "a", text: "one")) == .queued)
        #expect(box.offer(RelayedMessage(id: 2, sender: "a", text: "two")) == .queued)
        #expect(box.offer(RelayedMessage(id: 3, sender: "a", text: "three")) == .full)
        #expect(box.next?.id == 1)
        box.said(1)
        #expect(box.next?.id == 2)
        #expect(box.offer(RelayedMessage(id: 4, sender: "a", text: "four")) == .queued, "room again once one was said")
        // A resumed or second session keeps the box; the last one to end empties it.
        box.sessionStarted("s2")
        #expect(box.sessionEnded("s1").isEmpty)
        #expect(box.sessionEnded("s2").map(\.id) == [2, 4])
        #expect(!box.hasWaiting)
        #expect(box.offer(RelayedMessage(id: 5, sender: "a", text: "five")) == .notLive)
    }

    @Test func aSenderGetsExactlyTheirMessagesPerMinute() {
        let limiter = SenderRateLimiter(perMinute: 3)
        let start = ContinuousClock.now
        for second in 0..<3 { #expect(limiter.admit(7, now: start + .seconds(second))) }
        #expect(!limiter.admit(7, now: start + .seconds(59)), "the fourth within a minute")
        #expect(limiter.admit(8, now: start + .seconds(59)), "another sender has their own allowance")
        #expect(limiter.admit(7, now: start + .milliseconds(60_001)), "the first has left the window")
    }

    @Test func aMessageIsOneToMaxLengthPrintableCharacters() {
        #expect(TeamMessageText.checked(String(repeating: "a", count: 12), maxLength: 12) == .success(String(repeating: "a", count: 12)))
        #expect(TeamMessageText.checked(String(repeating: "a", count: 13), maxLength: 12) == .failure(.tooLong))
        #expect(TeamMessageText.checked("  box this lap \n", maxLength: 12) == .success("box this lap"))
        #expect(TeamMessageText.checked("   ", maxLength: 12) == .failure(.empty))
        #expect(TeamMessageText.checked(nil, maxLength: 12) == .failure(.empty))
        #expect(TeamMessageText.checked("box\u{7}", maxLength: 12) == .failure(.invalid))
        #expect(TeamMessageText.checked("box \u{202E}pal", maxLength: 12) == .failure(.invalid), "a bidi override")
        #expect(TeamMessageText.checked("viraj 3'te", maxLength: 12) == .success("viraj 3'te"))
    }
}
