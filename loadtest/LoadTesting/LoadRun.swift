import Coaching
import LapSynthesis
import Foundation
import Synchronization

/// A load run: `drivers` simulated drivers started over the ramp-up, each streaming its laps
/// until the deadline, measured into one `LoadReport`.
public struct LoadRun: Sendable {
    public let options: LoadOptions
    public let source: LapSource

    /// Distinct synthesised sessions the drivers share (each driver then starts elsewhere in
    /// one and adds its own noise): enough variety, a few MB however many drivers run.
    static let variants = 4

    public init(options: LoadOptions, source: LapSource) {
        self.options = options
        self.source = source
    }

    /// Runs the drivers and returns the report; `progress` gets a status line every second.
    public func run(progress: (@Sendable (String) -> Void)? = nil) async throws -> LoadReport {
        try options.validate()
        let drivers = try makeDrivers(recorder: LoadRecorder())
        guard let recorder = drivers.first?.recorder else { throw LoadError(.invalidOption, "no drivers") }
        let memoryBefore = await options.probe.residentMemory()
        let start = ContinuousClock.now
        let deadline = start + options.duration
        let rampEnd = start + options.rampUp
        let snapshots = RunSnapshots()
        let failures = await withTaskGroup(of: LoadError?.self, returning: [LoadError].self) { group in
            group.addTask {
                try? await Task.sleep(until: rampEnd, clock: .continuous)
                snapshots.afterRamp.withLock { $0 = recorder.totals }
                // Memory with everyone connected: late in the run, before anyone closes.
                try? await Task.sleep(until: rampEnd + (deadline - rampEnd) * 0.8, clock: .continuous)
                let loaded = await options.probe.residentMemory()
                snapshots.memoryLoaded.withLock { $0 = loaded }
                return nil
            }
            if let progress {
                group.addTask {
                    await Self.reportProgress(recorder, drivers: drivers.count, start: start, until: deadline, progress)
                    return nil
                }
            }
            for (index, driver) in drivers.enumerated() {
                let offset = options.rampUp * (Double(index) / Double(drivers.count))
                group.addTask {
                    try? await Task.sleep(until: start + offset, clock: .continuous)
                    do throws(LoadError) { try await driver.run(until: deadline) } catch { return error }
                    return nil
                }
            }
            var failures: [LoadError] = []
            for await failure in group { if let failure { failures.append(failure) } }
            return failures
        }
        for failure in failures { recorder.recordError(failure.code.rawValue) }
        let end = ContinuousClock.now
        return LoadReport(
            options: options, totals: recorder.totals, afterRamp: snapshots.afterRamp.withLock { $0 } ?? LoadRecorder.Totals(),
            elapsed: end - start, measured: deadline - rampEnd,
            memory: Self.memory(before: memoryBefore, loaded: snapshots.memoryLoaded.withLock { $0 }, drivers: drivers.count))
    }

    /// The drivers, reproducible from `options.seed`: variant, start offset, clock and noise.
    func makeDrivers(recorder: LoadRecorder) throws(LoadError) -> [Driver] {
        var generator = SeededGenerator(seed: options.seed)
        var variants: [DriverLaps] = []
        for variant in 0..<min(options.drivers, Self.variants) {
            variants.append(try source.load(seed: options.seed, variant: variant))
        }
        let rates = SendRates()
        return (0..<options.drivers).map { index in
            let laps = variants[index % variants.count]
            let loop = FrameLoop(
                laps: laps, startOffset: Self.startOffset(in: laps, using: &generator),
                timeBase: Double(Int.random(in: 0..<3_600, using: &generator)), noiseSeed: generator.next(), loops: true)
            return Driver(
                index: index, token: options.tokens[index % options.tokens.count], options: options, frames: loop, recorder: recorder,
                rates: rates)
        }
    }

    /// Where a driver joins its laps: up to 15 s before a randomly chosen line crossing, so
    /// every driver starts a lap the server coaches early in even a short run (the server does
    /// not coach the lap it joined mid-way). Anywhere when the laps cross no line.
    static func startOffset(in laps: DriverLaps, using generator: inout SeededGenerator) -> Int {
        let frames = laps.frames
        let crossings = [0] + frames.indices.dropFirst().filter { frames[$0].lapNumber != frames[$0 - 1].lapNumber }
        guard crossings.count > 1 else { return Int.random(in: 0..<frames.count, using: &generator) }
        let crossing = crossings.randomElement(using: &generator) ?? 0
        let before = Int.random(in: 1...Int(15 * LoadOptions.frameRate), using: &generator)
        return ((crossing - before) % frames.count + frames.count) % frames.count
    }

    private static func reportProgress(
        _ recorder: LoadRecorder, drivers: Int, start: ContinuousClock.Instant, until deadline: ContinuousClock.Instant,
        _ progress: @Sendable (String) -> Void
    ) async {
        var previous = recorder.totals
        var tick = start
        while true {
            tick += .seconds(1)
            guard tick <= deadline, (try? await Task.sleep(until: tick, clock: .continuous)) != nil else { return }
            let current = recorder.totals
            let elapsed = (tick - start) / .seconds(1)
            progress(ProgressLine.line(elapsed: elapsed, drivers: drivers, previous: previous, current: current))
            previous = current
        }
    }

    private static func memory(
        before: (bytes: Int, source: String)?, loaded: (bytes: Int, source: String)?, drivers: Int
    ) -> LoadReport.Memory? {
        guard let before, let loaded, before.source == loaded.source else { return nil }
        return LoadReport.Memory(
            source: loaded.source, residentBytesBefore: before.bytes, residentBytesLoaded: loaded.bytes,
            bytesPerDriver: Double(loaded.bytes - before.bytes) / Double(max(1, drivers)))
    }
}

/// What the run's timer task measured: the totals when ramp-up ended and the loaded memory.
private final class RunSnapshots: Sendable {
    let afterRamp = Mutex<LoadRecorder.Totals?>(nil)
    let memoryLoaded = Mutex<(bytes: Int, source: String)?>(nil)
}
