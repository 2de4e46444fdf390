import Coaching
import Foundation
import Telemetry

/// Packs a live lap's frames with the lap storage codec, chunk by chunk, so a lap in progress
/// is held as it will be stored (about 10 bytes a frame) instead of as 80-byte frames.
///
/// Unpacking gives exactly what `LapTelemetryCodec.decode` gives for the stored lap: every value
/// quantised to its channel's step (`StoredChannel`). Quantising a decoded value again gives the
/// same integer, so the lap stored from unpacked frames is byte for byte the lap stored from the
/// original frames (one exception: a channel whose values in the whole lap go beyond 2^52 steps
/// is stored raw, and then holds the quantised values of the chunks that did not).
///
/// With a `LapChunkSpool`, each lap's chunks go to the spool's file instead of the heap.
public final class LapTelemetryChunkPacker: LapFramePacker {
    /// 120 frames (2 s at 60 Hz): a 9.6 KB tail, and chunks long enough for zlib to pay off.
    public static let defaultChunkFrames = 120
    /// 60 frames (1 s at 60 Hz) when chunks go to a spool file: the tail on the heap halves, for
    /// about 8 % more bytes on disk and one write a second per driver.
    public static let spooledChunkFrames = 60

    public let chunkFrames: Int
    public let spool: LapChunkSpool?

    /// - Parameter chunkFrames: nil: `spooledChunkFrames` with a spool, else `defaultChunkFrames`.
    public init(chunkFrames: Int? = nil, spool: LapChunkSpool? = nil) {
        self.chunkFrames = max(1, chunkFrames ?? (spool == nil ? Self.defaultChunkFrames : Self.spooledChunkFrames))
        self.spool = spool
    }

    public func makeChunkStore() -> (any LapChunkStore)? {
        spool?.makeStore()
    }

    public func pack(_ frames: [TelemetryFrame]) -> [UInt8] {
        [UInt8](LapTelemetryCodec.encode(frames))
    }

    public func unpack(_ chunk: [UInt8]) throws -> [TelemetryFrame] {
        try LapTelemetryCodec.decode(Data(chunk))
    }
}
