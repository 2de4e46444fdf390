import Foundation
import Synchronization
import Telemetry

/// A dump of iRacing's real live map (shared/data/telemetry/live) read through the live path:
/// one moment of the sim, signalled once, then ended.
public final class LiveDumpMap: IRacingTelemetryMap {
    private let snapshot: LiveMemorySnapshot
    private var signalled = false
    public private(set) var hasEnded = false

    public init(contentsOf url: URL) throws(LiveTelemetryError) {
        snapshot = try LiveMemorySnapshot(contentsOf: url)
    }

    public var byteCount: Int { snapshot.byteCount }
    public func copyBytes(from offset: Int, count: Int) -> [UInt8] { snapshot.copyBytes(from: offset, count: count) }

    public func waitForData(timeout: Duration) async -> Bool {
        if signalled { hasEnded = true }
        signalled = true
        return !hasEnded
    }
}

/// Opens one dump once.
public final class LiveDumpOpener: IRacingMapOpener {
    public let url: URL
    private let opened = Mutex(false)

    public init(url: URL) { self.url = url }

    public var failuresAreFinal: Bool { true }
    public var isExhausted: Bool { opened.withLock { $0 } }

    public func open() throws(LiveTelemetryError) -> LiveDumpMap {
        guard !opened.withLock({ opened in defer { opened = true }; return opened }) else {
            throw .unavailable(reason: "the dump was read")
        }
        return try LiveDumpMap(contentsOf: url)
    }
}
