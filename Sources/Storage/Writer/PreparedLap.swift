import Coaching
import Foundation
import Telemetry

/// A completed lap validated and with its telemetry already encoded, ready for a short
/// insert. Building it is the expensive part (a few ms for 5,000 frames), so it happens
/// before the `LapWriter` hop and outside any transaction.
struct PreparedLap: Sendable {
    var lap: CompletedLap
    /// Session time of the first frame: the lap's identity with its number (see the schema).
    var startTime: Double
    var telemetry: Data
    var channelMask: ChannelMask
    var frameCount: Int

    /// A lap encoded earlier, read back (a pending lap's file).
    init(lap: CompletedLap, startTime: Double, telemetry: Data, channelMask: ChannelMask, frameCount: Int) {
        self.lap = lap
        self.startTime = startTime
        self.telemetry = telemetry
        self.channelMask = channelMask
        self.frameCount = frameCount
    }

    init(_ lap: CompletedLap, compressionLevel: Int32 = LapTelemetryCodec.defaultCompressionLevel) throws(StorageError) {
        guard let first = lap.frames.first else {
            throw .invalidInput("lap \(lap.lapNumber) has no frames")
        }
        guard first.sessionTime.isFinite else {
            throw .invalidInput("lap \(lap.lapNumber) starts at a non-finite session time")
        }
        guard lap.frames.count <= LapTelemetryCodec.maximumFrameCount else {
            throw .invalidInput("lap \(lap.lapNumber) has \(lap.frames.count) frames, more than \(LapTelemetryCodec.maximumFrameCount)")
        }
        let encoded = LapTelemetryCodec.encodeWithMask(lap.frames, compressionLevel: compressionLevel)
        var summary = lap
        // SQLite would store a NaN as NULL anyway; say so explicitly.
        summary.lapTime = lap.lapTime.flatMap { $0.isFinite ? $0 : nil }
        summary.deltaToReference = lap.deltaToReference.flatMap { $0.isFinite ? $0 : nil }
        summary.frames = []
        self.lap = summary
        self.startTime = first.sessionTime
        self.telemetry = encoded.data
        self.channelMask = encoded.mask
        self.frameCount = lap.frames.count
    }
}
