import Testing
import SimTelemetry

@Suite struct GT7LapClockTests {
    @Test func aLapStartedAtTheLineEndsAtTheGamesLapTime() {
        var clock = GT7LapClock()
        #expect(clock.advance(ticks: 1) == 0)
        for _ in 0..<100 { _ = clock.advance(ticks: 1) }
        // First crossing: the lap before it was not seen whole, so the ticks time it.
        let first = clock.crossLine(ticks: 1, gameLapTimeMs: 99_999)
        #expect(abs(first - 101.0 / 60) < 1e-9)
        // 2,800 packets, 40 of them lost (ticks still count them), then the game says 46.801 s.
        for index in 0..<2_760 { _ = clock.advance(ticks: index == 1_000 ? 41 : 1) }
        let second = clock.crossLine(ticks: 1, gameLapTimeMs: 46_801)
        #expect(abs((second - first) - 46.801) < 1e-9)
        #expect(clock.lateCrossings == 0)
    }

    @Test func aCrossingTheTicksAlreadyPassedGoesJustAfterTheLastFrame() {
        var clock = GT7LapClock()
        _ = clock.advance(ticks: 0)
        let start = clock.crossLine(ticks: 1, gameLapTimeMs: -1)
        var last = start
        for _ in 0..<120 { last = clock.advance(ticks: 1) }
        // The game says 1.990 s, the ticks already handed out 2.0 s.
        let crossing = clock.crossLine(ticks: 1, gameLapTimeMs: 1_990)
        #expect(abs(crossing - (last + 0.001)) < 1e-9)
        #expect(clock.lateCrossings == 1)
    }

    @Test func aGameLapTimeFarFromTheTicksIsNotTrusted() {
        var clock = GT7LapClock(maximumCorrection: 5)
        _ = clock.advance(ticks: 0)
        let start = clock.crossLine(ticks: 1, gameLapTimeMs: -1)
        for _ in 0..<600 { _ = clock.advance(ticks: 1) }
        let crossing = clock.crossLine(ticks: 1, gameLapTimeMs: 90_000)
        #expect(abs(crossing - start - 601.0 / 60) < 1e-9)
    }

    @Test func timeAlwaysAdvances() {
        var clock = GT7LapClock()
        var last = -1.0
        for ticks in [0, 1, 0, 0, 5, 1] {
            let time = clock.advance(ticks: ticks)
            #expect(time > last)
            last = time
        }
        let restarted = clock.startLap(after: 10)
        #expect(restarted >= last + 10)
    }
}
