import Testing

@testable import CoachServer

/// The ack ticker wakes a session only when it holds an ack (or a held-back cue) and no batch
/// has drained it since the previous tick: streaming sessions are never woken by it, a session
/// whose batches stopped gets its held ack within two intervals.
@Suite struct TickGateTests {
    @Test func aStreamingSessionIsNotWokenAndAStoppedOneIs() {
        let gate = TickGate()
        gate.drainEnded(holding: true)  // a batch drained, its ack held back by the interval
        #expect(gate.shouldWake() == false)  // first tick: a batch drained since the last one
        gate.drainEnded(holding: true)  // the next batch
        #expect(gate.shouldWake() == false)
        // The batches stop: the next tick finds no drain since the last one, and an ack held.
        #expect(gate.shouldWake())
        #expect(gate.shouldWake())  // until a drain has sent it
        gate.drainEnded(holding: false)  // the woken drain sent the ack
        #expect(gate.shouldWake() == false)
        #expect(gate.shouldWake() == false)  // nothing held: an idle session is left alone
    }

    @Test func aNewSocketIsOwedItsFirstAck() {
        let gate = TickGate()
        #expect(gate.shouldWake() == false)
        gate.hold()  // attached: acks restart from the new socket
        #expect(gate.shouldWake())
    }
}
