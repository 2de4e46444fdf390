import Coaching
import Foundation
import Logging
@testable import ServerSettings
import Synchronization
import Telemetry
import Testing

@testable import CoachServer

/// The lap store queue on a store that fails like SQLite: fair between drivers, bounded per
/// driver, a failed lap kept and retried on the queue's timer, spilled when memory is full and
/// at shutdown, stored exactly once.
@Suite struct LapStoreQueueTests {
    static func lap(_ number: Int32, frames: Int = 100, start: Double = 0) -> CompletedLap {
        CompletedLap(
            lapNumber: number, lapTime: nil, isValid: false, invalidReason: "partial", deltaToReference: nil,
            frames: (0..<frames).map {
                TelemetryFrame(
                    sessionTime: start + Double(number) * 100 + Double($0) / 60, lapNumber: number, lapDistance: Float($0),
                    speed: 60, throttle: 1, brake: 0, gear: 4)
            },
            corners: [], brakingZones: [])
    }

    static func settings(
        wait: Duration = .seconds(5), perDriver: Int = 4, concurrent: Int = 1, memory: Int = 64 << 20,
        retry: Duration = .milliseconds(40)
    ) -> LapStoreSettings {
        var storage = ServerConfiguration.Persistence()
        storage.lapStoreWaitMilliseconds = Int(wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)
        storage.maxPendingLapWritesPerDriver = perDriver
        storage.concurrentLapWrites = concurrent
        storage.pendingLapsMemoryBytes = memory
        storage.retryInitialSeconds = Double(retry.components.attoseconds) / 1e18 + Double(retry.components.seconds)
        storage.retryMaxSeconds = storage.retryInitialSeconds * 4
        return LapStoreSettings(storage)
    }

    static func queue(_ store: FaultySessionStore, spill: (any PendingLapSpill)? = nil, _ settings: LapStoreSettings) -> (LapStoreQueue, ServerMetrics) {
        let metrics = ServerMetrics()
        var logger = Logger(label: "lap-store-test")
        logger.logLevel = .critical
        return (LapStoreQueue(store: store, spill: spill, settings: settings, metrics: metrics, logger: logger), metrics)
    }

    @Test func aFloodingDriverDoesNotQueueAheadOfAnotherDriversLap() async throws {
        let store = FaultySessionStore(storeDelay: .milliseconds(20))
        let (queue, _) = Self.queue(store, Self.settings(perDriver: 8))
        // Driver 1 hands over 20 laps at once (from 20 sessions); driver 2 one lap a moment later.
        let flood = Task {
            await withTaskGroup(of: Void.self) { group in
                for number in 1...20 {
                    group.addTask { _ = await queue.submit(Self.lap(Int32(number)), sessionID: "s1-\(number)", driverID: 1, listener: nil) }
                }
            }
        }
        try await Task.sleep(for: .milliseconds(30))
        let storedBefore = store.stored.count
        let outcome = await queue.submit(Self.lap(1), sessionID: "s2", driverID: 2, listener: nil)
        guard case .stored = outcome else { throw TestFailure("driver 2's lap was not stored: \(outcome)") }
        let position = try #require(store.stored.firstIndex { $0.driverID == 2 })
        // Ahead of it: the flood lap being written and the one whose turn came first (plus one
        // more if a write ended while it was handed over). In arrival order it would wait for the
        // eight flood laps the driver's bound let in.
        #expect(position - storedBefore <= 3, "driver 2's lap waited for \(position - storedBefore) flood laps")
        await flood.value
        #expect(store.stored.count == 21)
    }

    @Test func aSlowCommitIsReportedPendingAndTheListenerHearsWhenItCommits() async throws {
        let store = FaultySessionStore(storeDelay: .milliseconds(300))
        let (queue, metrics) = Self.queue(store, Self.settings(wait: .milliseconds(30)))
        let listener = RecordingLapListener()
        let outcome = await queue.submit(Self.lap(3), sessionID: "s", driverID: 1, listener: listener)
        guard case .pending(let ticket) = outcome else { throw TestFailure("expected pending, got \(outcome)") }
        let heard = try await listener.next()
        #expect(heard.ticket == ticket && heard.lapNumber == 3 && heard.lapID == 1)
        #expect(metrics.exposition().contains("trailbrake_laps_stored_late_total 1"))
    }

    @Test func aLapThatFailsIsKeptRetriedAndStoredOnceWhenTheFaultClears() async throws {
        let store = FaultySessionStore()
        store.setFault(.full)
        let (queue, metrics) = Self.queue(store, Self.settings(retry: .milliseconds(40)))
        let listener = RecordingLapListener()
        let outcome = await queue.submit(Self.lap(4), sessionID: "s", driverID: 1, listener: listener)
        guard case .pending(let ticket) = outcome else { throw TestFailure("expected pending, got \(outcome)") }
        // Retries back off: 40, 80, 160 ms... a few happen, all fail.
        try await Task.sleep(for: .milliseconds(250))
        let failedAttempts = store.attempts
        #expect((2...6).contains(failedAttempts), "\(failedAttempts) attempts in 250 ms")
        // Another lap while the breaker is open: pending at once, without an attempt of its own.
        let second = await queue.submit(Self.lap(5), sessionID: "s", driverID: 2, listener: listener)
        guard case .pending = second else { throw TestFailure("expected pending, got \(second)") }
        let openHealth = await queue.health()
        #expect(openHealth.storing == false && openHealth.pending == 2)

        store.setFault(.none)
        let first = try await listener.next(), other = try await listener.next()
        #expect(Set([first.ticket, other.ticket]).contains(ticket))
        #expect(store.stored.map(\.lapNumber).sorted() == [4, 5], "each lap stored once")
        let closedHealth = await queue.health()
        #expect(closedHealth == LapStoreHealth(storing: true, pending: 0, inFiles: 0, oldestPendingSeconds: nil))
        #expect(metrics.exposition().contains("trailbrake_lap_store_failures_total"))
    }

    @Test func lapsPastTheMemoryBoundGoToFilesAndAreStoredFromThem() async throws {
        let store = FaultySessionStore()
        store.setFault(.full)
        let spill = MemoryLapSpill(store: store)
        // Room for about two 1,000-frame laps (96 KB each).
        let (queue, _) = Self.queue(store, spill: spill, Self.settings(memory: 200_000, retry: .milliseconds(50)))
        for number in 1...5 { _ = await queue.submit(Self.lap(Int32(number), frames: 1_000), sessionID: "s", driverID: 1, listener: nil) }
        try await Task.sleep(for: .milliseconds(30))
        #expect(spill.count >= 3, "\(spill.count) laps in files")
        let inFiles = await queue.health().inFiles
        #expect(inFiles == spill.count)

        store.setFault(.none)
        try await waitUntil { store.stored.count == 5 }
        #expect(spill.count == 0)
        #expect(store.stored.map(\.lapNumber).sorted() == [1, 2, 3, 4, 5])
    }

    @Test func atShutdownWhatIsNotStoredGoesToFilesAndTheNextStartStoresIt() async throws {
        let store = FaultySessionStore()
        store.setFault(.busy(after: .milliseconds(100)))
        let spill = MemoryLapSpill(store: store)
        let (queue, _) = Self.queue(store, spill: spill, Self.settings(wait: .milliseconds(20), retry: .seconds(10)))
        for number in 1...3 { _ = await queue.submit(Self.lap(Int32(number)), sessionID: "s", driverID: 1, listener: nil) }
        await queue.shutDown(deadline: .now.advanced(by: .milliseconds(50)))
        #expect(spill.count == 3, "every lap not stored is in a file")
        #expect(store.stored.isEmpty)

        store.setFault(.none)
        let (next, _) = Self.queue(store, spill: spill, Self.settings())
        await next.resumeSpilledLaps()
        try await waitUntil { store.stored.count == 3 }
        #expect(spill.count == 0)
    }

    @Test func aLapTheStoreRefusesForGoodIsReportedAndCountedNotRetried() async throws {
        let store = FaultySessionStore()
        store.setFault(.refused)
        let (queue, metrics) = Self.queue(store, Self.settings(retry: .milliseconds(20)))
        #expect(await queue.submit(Self.lap(1), sessionID: "gone", driverID: 1, listener: nil) == .refused)
        try await Task.sleep(for: .milliseconds(100))
        #expect(store.attempts == 1)
        #expect(metrics.exposition().contains("trailbrake_laps_lost_total 1"))
    }

    @Test func aDriverPastItsBoundWaitsForRoomAndOnlyThatDriverWaits() async throws {
        let store = FaultySessionStore(storeDelay: .milliseconds(300))
        let (queue, _) = Self.queue(store, Self.settings(wait: .milliseconds(20), perDriver: 2))
        // Lap 1 is being written, lap 2 queued: both reported pending after the 20 ms wait.
        for number: Int32 in 1...2 {
            guard case .pending = await queue.submit(Self.lap(number), sessionID: "s", driverID: 1, listener: nil) else {
                throw TestFailure("lap \(number) should be pending")
            }
        }
        // Another driver is not held by driver 1's bound.
        let other = ContinuousClock.now
        _ = await queue.submit(Self.lap(1), sessionID: "t", driverID: 2, listener: nil)
        #expect(ContinuousClock.now - other < .milliseconds(200))
        // Lap 3 waits for room, until lap 1 is written (300 ms after it started).
        let started = ContinuousClock.now
        _ = await queue.submit(Self.lap(3), sessionID: "s", driverID: 1, listener: nil)
        #expect(ContinuousClock.now - started >= .milliseconds(150))
        try await waitUntil { store.stored.count == 4 }
    }
}

/// A listener that hands each `lapStored` to the test in order.
final class RecordingLapListener: LapStoreListener {
    typealias Notice = (ticket: UInt64, lapNumber: Int32, lapID: Int64)
    private let notices = Mutex<(heard: [Notice], taken: Int)>(([], 0))

    func lapStored(ticket: UInt64, lapNumber: Int32, lapID: Int64) async {
        notices.withLock { $0.heard.append((ticket, lapNumber, lapID)) }
    }

    /// The next notice not taken yet, failing after 5 s.
    func next() async throws -> Notice {
        try await waitUntil(seconds: 5) { self.notices.withLock { $0.heard.count > $0.taken } }
        return notices.withLock { state in
            defer { state.taken += 1 }
            return state.heard[state.taken]
        }
    }
}

/// Waits for `condition` (checked every 10 ms: test-side only), failing after `seconds`.
func waitUntil(seconds: Double = 10, _ condition: @escaping @Sendable () async -> Bool) async throws {
    try await withTimeout(seconds: seconds) {
        while !(await condition()) { try await Task.sleep(for: .milliseconds(10)) }
    }
}
