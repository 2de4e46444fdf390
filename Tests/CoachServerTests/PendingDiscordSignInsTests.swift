import Testing

@testable import CoachServer

/// The pending sign-ins: each state is taken once, none after its deadline, and the table never
/// holds more than its bound (the oldest goes first).
@Suite struct PendingDiscordSignInsTests {
    static func entry(expiresAt: ContinuousClock.Instant) -> PendingDiscordSignIns.Entry {
        .init(verifier: "v", redirectURI: "http://x/cb", returnPath: nil, linkingSession: nil, linkingDriver: nil, expiresAt: expiresAt)
    }

    @Test func aStateIsTakenOnceAndNotAfterItsDeadline() {
        let pending = PendingDiscordSignIns(capacity: 10, lifetime: .seconds(600))
        let now = ContinuousClock.now
        pending.insert("a", Self.entry(expiresAt: now + .seconds(600)), now: now)
        pending.insert("b", Self.entry(expiresAt: now + .seconds(1)), now: now)
        #expect(pending.take("a", now: now) != nil)
        #expect(pending.take("a", now: now) == nil)
        #expect(pending.take("b", now: now + .seconds(1)) == nil, "at its deadline it is gone")
        #expect(pending.take("unknown", now: now) == nil)
    }

    @Test func atTheBoundTheOldestIsDroppedAndExpiredOnesGoFirst() {
        let pending = PendingDiscordSignIns(capacity: 2, lifetime: .seconds(600))
        let now = ContinuousClock.now
        #expect(pending.insert("a", Self.entry(expiresAt: now + .seconds(600)), now: now) == 0)
        #expect(pending.insert("b", Self.entry(expiresAt: now + .seconds(600)), now: now) == 0)
        #expect(pending.insert("c", Self.entry(expiresAt: now + .seconds(600)), now: now) == 1)
        #expect(pending.count == 2)
        #expect(pending.take("a", now: now) == nil)
        #expect(pending.take("b", now: now) != nil)

        let later = now + .seconds(700)
        #expect(pending.insert("d", Self.entry(expiresAt: later + .seconds(600)), now: later) == 0, "c had expired: dropped, not evicted")
        #expect(pending.count == 1)
    }

    @Test func takenStatesDoNotGrowTheTableBeyondItsBound() {
        let pending = PendingDiscordSignIns(capacity: 4, lifetime: .seconds(600))
        let now = ContinuousClock.now
        pending.insert("keep", Self.entry(expiresAt: now + .seconds(600)), now: now)
        for index in 0..<10_000 {
            pending.insert("s\(index)", Self.entry(expiresAt: now + .seconds(600)), now: now)
            #expect(pending.take("s\(index)", now: now) != nil)
        }
        #expect(pending.count == 1)
        #expect(pending.orderLength <= 2 * 4 + 64 + 1)
    }
}
