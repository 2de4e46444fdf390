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
    /// The `codec` column: `LapTelemetryCodec.name`, or `chunkedName` for a live lap kept as packed.
    var codec: String
    var channelMask: ChannelMask
    var frameCount: Int

    /// A lap encoded earlier, read back (a pending lap's file); the codec is told by the blob's magic.
    init(lap: CompletedLap, startTime: Double, telemetry: Data, channelMask: ChannelMask, frameCount: Int) throws(StorageError) {
        self.lap = lap
        self.startTime = startTime
        self.telemetry = telemetry
        self.codec = try LapTelemetryCodec.Layout(of: telemetry).rawValue
        self.channelMask = channelMask
        self.frameCount = frameCount
    }

    /// Encodes the lap. A live lap packed by `LapTelemetryChunkPacker` keeps its chunks as they
    /// are (only the frames after the last chunk are packed here); any other is encoded whole.
    init(_ lap: CompletedLap, compressionLevel: Int32 = LapTelemetryCodec.defaultCompressionLevel) throws(StorageError) {
        var summary = lap
        // SQLite would store a NaN as NULL anyway; say so explicitly.
        summary.lapTime = lap.lapTime.flatMap { $0.isFinite ? $0 : nil }
        summary.deltaToReference = lap.deltaToReference.flatMap { $0.isFinite ? $0 : nil }
        summary.lapFrames = .plain([])
        self.lap = summary
        if case .packed(let packed) = lap.lapFrames, packed.packer is LapTelemetryChunkPacker {
            var chunks = packed.chunks
            if !packed.tail.isEmpty {
                chunks.append([UInt8](LapTelemetryCodec.encode(packed.tail, compressionLevel: compressionLevel)))
            }
            guard let firstChunk = chunks.first else { throw .invalidInput("lap \(lap.lapNumber) has no frames") }
            // The lap's identity is its first frame's session time: one chunk inflated, not the lap.
            self.startTime = try Self.startTime(of: try LapTelemetryCodec.decode(Data(firstChunk)), lap: lap)
            let sealed = try LapTelemetryCodec.sealChunks(chunks)
            self.telemetry = sealed.data
            self.codec = LapTelemetryCodec.chunkedName
            self.channelMask = sealed.mask
            self.frameCount = sealed.count
        } else {
            let frames = lap.lapFrames.unpacked()
            self.startTime = try Self.startTime(of: frames, lap: lap)
            guard frames.count <= LapTelemetryCodec.maximumFrameCount else {
                throw .invalidInput("lap \(lap.lapNumber) has \(frames.count) frames, more than \(LapTelemetryCodec.maximumFrameCount)")
            }
            let encoded = LapTelemetryCodec.encodeWithMask(frames, compressionLevel: compressionLevel)
            self.telemetry = encoded.data
            self.codec = LapTelemetryCodec.name
            self.channelMask = encoded.mask
            self.frameCount = frames.count
        }
    }

    private static func startTime(of frames: [TelemetryFrame], lap: CompletedLap) throws(StorageError) -> Double {
        guard let first = frames.first else {
            throw .invalidInput("lap \(lap.lapNumber) has no frames")
        }
        guard first.sessionTime.isFinite else {
            throw .invalidInput("lap \(lap.lapNumber) starts at a non-finite session time")
        }
        return first.sessionTime
    }
}
