#if os(Windows)
import Dispatch
import Telemetry

/// The sim's own map on Windows. The only Windows calls of the client are here and in
/// Telemetry's `IRSDKSharedMemory`: the data-valid event is waited for on a dispatch queue,
/// never on the Swift concurrency pool (a blocked wait there would stall other tasks).
public final class IRacingWindowsMap: IRacingTelemetryMap {
    private let memory: IRSDKSharedMemory
    private let waiter = DispatchQueue(label: "trailbrake.iracing.data-valid")

    public init() throws(LiveTelemetryError) {
        memory = try IRSDKSharedMemory()
    }

    public var byteCount: Int { memory.byteCount }
    public func copyBytes(from offset: Int, count: Int) -> [UInt8] { memory.copyBytes(from: offset, count: count) }
    public var hasEnded: Bool { false }

    public func waitForData(timeout: Duration) async -> Bool {
        let milliseconds = UInt32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let memory = UncheckedMemory(memory: memory)
        let started = ContinuousClock.now
        let signalled = await withCheckedContinuation { continuation in
            waiter.async { continuation.resume(returning: memory.memory.waitForData(milliseconds: milliseconds)) }
        }
        // Without the event (very old sims) the wait returns at once: read at the tick rate.
        if !signalled, ContinuousClock.now - started < timeout / 2 {
            try? await Task.sleep(for: .milliseconds(16))
            return true
        }
        return signalled
    }
}

/// The map crosses to the waiter queue only for `waitForData`, which touches nothing but the
/// event handle (Windows allows waiting on it from any thread) while the reader is suspended.
private struct UncheckedMemory: @unchecked Sendable {
    let memory: IRSDKSharedMemory
}

/// Opens `Local\IRSDKMemMapFileName`; `.unavailable` while iRacing is not running.
public struct IRacingWindowsOpener: IRacingMapOpener {
    public init() {}
    public var failuresAreFinal: Bool { false }
    public var isExhausted: Bool { false }
    public func open() throws(LiveTelemetryError) -> IRacingWindowsMap { try IRacingWindowsMap() }
}
#endif
