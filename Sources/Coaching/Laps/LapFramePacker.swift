import Telemetry

/// Packs runs of a lap's frames into compact bytes while the lap is in progress, and unpacks
/// them when the lap ends. A seam, because the compact form the server wants is the storage
/// codec's (Storage imports Coaching, not the other way round): with it, a 90 s lap in progress
/// holds about 10 bytes per frame instead of an 80-byte `TelemetryFrame`.
///
/// `unpack(pack(frames))` must be what the lap store would keep of `frames` anyway, so that
/// storing the unpacked lap gives the same result as storing the frames as they came.
///
/// As a `LapChunkStoreFactory` it says where packed chunks go (the default: memory); the
/// server's packer also gives the live grid its stores (`DriverCoachConfiguration.framePacker`).
public protocol LapFramePacker: LapChunkStoreFactory {
    /// Frames kept as plain frames before they are packed together: the bounded tail of the lap.
    var chunkFrames: Int { get }
    func pack(_ frames: [TelemetryFrame]) -> [UInt8]
    func unpack(_ chunk: [UInt8]) throws -> [TelemetryFrame]
}

extension LapFramePacker {
    public func makeChunkStore() -> (any LapChunkStore)? { nil }
}
