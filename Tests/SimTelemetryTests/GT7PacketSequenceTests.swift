import Testing
@testable import SimTelemetry

@Suite struct GT7PacketSequenceTests {
    @Test func lossReorderingAndRepeatsAreCountedAndLatePacketsDropped() {
        var sequence = GT7PacketSequence()
        #expect(sequence.admit(100) == .next(skipped: 0))
        #expect(sequence.admit(101) == .next(skipped: 0))
        #expect(sequence.admit(105) == .next(skipped: 3))
        #expect(sequence.admit(103) == .late)  // skipped, then arrived: reordered, not lost
        #expect(sequence.admit(105) == .repeated)
        #expect(sequence.admit(101) == .late)  // taken before: a repeat
        #expect(sequence.admit(106) == .next(skipped: 0))
        #expect((sequence.lost, sequence.reordered, sequence.repeated) == (2, 1, 2))
    }

    @Test func anIDFarBehindOrAheadIsANewStream() {
        var sequence = GT7PacketSequence(restartDistance: 600)
        _ = sequence.admit(50_000)
        #expect(sequence.admit(49_400) == .late)
        #expect(sequence.admit(12) == .restarted)
        #expect(sequence.admit(13) == .next(skipped: 0))
        #expect(sequence.admit(5_000) == .restarted)
        #expect(sequence.lost == 0)
        sequence.forgetStream()
        #expect(sequence.admit(7) == .next(skipped: 0))
    }
}
