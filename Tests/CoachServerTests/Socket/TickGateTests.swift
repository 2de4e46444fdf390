import NIOCore
import Testing

@testable import CoachServer

/// The ack ticker wakes a session only when it holds work (an ack held back by the interval, a
/// cue waiting for its clip) that is due by the tick: a session holding nothing, or an ack not
/// due yet, is not woken; a held ack is, at the first tick after it is due, whether or not
/// batches came since (a client may wait for that ack before it sends more).
@Suite struct TickGateTests {
    @Test func aHeldAckWakesTheSessionOnceItIsDue() {
        let gate = TickGate()
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        #expect(gate.shouldWake(at: start) == false)  // nothing held
        gate.drainEnded(holdingUntil: start + .milliseconds(250))  // an ack held back by the interval
        #expect(gate.shouldWake(at: start + .milliseconds(100)) == false)
        #expect(gate.shouldWake(at: start + .milliseconds(249)) == false)
        #expect(gate.shouldWake(at: start + .milliseconds(250)))  // due: the edge wakes
        #expect(gate.shouldWake(at: start + .milliseconds(400)))  // until a drain sends it
        gate.drainEnded(holdingUntil: nil)  // the woken drain sent the ack
        #expect(gate.shouldWake(at: start + .milliseconds(500)) == false)
    }

    @Test func aNewSocketIsOwedItsFirstAckAtOnce() {
        let gate = TickGate()
        #expect(gate.shouldWake(at: .uptimeNanoseconds(1)) == false)
        gate.hold()  // attached: acks restart from the new socket
        #expect(gate.shouldWake(at: .uptimeNanoseconds(1)))
    }
}
