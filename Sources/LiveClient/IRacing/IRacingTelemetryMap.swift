import Telemetry

/// iRacing's live telemetry map as the iRacing source reads it: the sim's own on Windows
/// (`IRSDKSharedMemory`), or on any OS a replay of an .ibt file or a dump of a real map,
/// so one code path is tested on Linux and runs on Windows.
public protocol IRacingTelemetryMap: LiveMemoryRegion {
    /// Waits until the sim signals a new row or `timeout` passes; false on timeout.
    func waitForData(timeout: Duration) async -> Bool
    /// True once a replay or dump has nothing more (the real sim never ends this way).
    var hasEnded: Bool { get }
}

/// Opens the map; each `open` is a new look (iRacing creates a new map when it restarts).
public protocol IRacingMapOpener: Sendable {
    associatedtype Map: IRacingTelemetryMap
    /// Throws `.unavailable` while the sim is not running.
    func open() throws(LiveTelemetryError) -> Map
    /// True when no further `open` can succeed (every replayed file was played).
    var isExhausted: Bool { get }
    /// True when a failed `open` will not succeed later (a replay file that cannot be read):
    /// the source then stops with the error instead of waiting for the sim.
    var failuresAreFinal: Bool { get }
}
