import Testing

@testable import ResultsPoller

/// `/admin`'s poller history: the newest cycles first, never more than the bound.
@Suite struct PollerStatusCyclesTests {
    @Test func theNewestCyclesAreKeptUpToTheBound() async {
        let status = PollerStatus(recentCycleCapacity: 3)
        for index in 0..<5 {
            var report = PollCycleReport()
            report.resultsFetched = index
            if index == 4 { report.errors = ["rate_limited"] }
            await status.cycleFinished(report)
        }
        let cycles = await status.recentCycles
        #expect(cycles.map(\.report.resultsFetched) == [4, 3, 2])
        #expect(cycles.first?.report.errors == ["rate_limited"])
        #expect(await status.health.state == .degraded)
    }
}
