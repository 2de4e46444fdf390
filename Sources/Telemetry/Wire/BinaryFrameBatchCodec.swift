/// The binary frame-batch message of protocol v1: a 20-byte little-endian header, then each
/// frame's present channels in bit order, unaligned, no padding.
///
/// Decoding is on the live path, so it reads straight from the socket's bytes: no `Data` copies,
/// one allocation (the result array), and every length checked before the first frame is read.
public enum BinaryFrameBatchCodec {
    /// Bytes per frame for a channel mask: 29 for `.required`, 68 for `.all`.
    public static func frameStride(for channels: ChannelMask) -> Int {
        BinaryLayout.stride(for: channels)
    }

    /// Decodes one binary message, checking magic, version, kind, mask, count, stride and total
    /// length exactly. Each frame's `presentChannels` is the mask; absent channels keep their
    /// neutral values (NaN, `.onTrack`, false).
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(WireError) -> FrameBatch {
        let header = try BinaryBatchHeader(bytes)
        var frames: [TelemetryFrame] = []
        frames.reserveCapacity(header.frameCount)
        var offset = BinaryLayout.headerSize
        for _ in 0..<header.frameCount {
            frames.append(readFrame(bytes, at: offset, channels: header.channels))
            offset += header.stride
        }
        return FrameBatch(sequence: header.sequence, frames: frames)
    }

    /// Convenience for callers holding an array (tests, tools).
    public static func decode(_ bytes: [UInt8]) throws(WireError) -> FrameBatch {
        // Typed throws do not pass through `withUnsafeBytes`'s closure, so carry the result out.
        let result: Result<FrameBatch, WireError> = bytes.withUnsafeBytes { raw in
            do throws(WireError) { return .success(try decode(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Reads one frame whose bounds the header check has already proven.
    @inline(__always)
    private static func readFrame(_ bytes: UnsafeRawBufferPointer, at start: Int, channels: ChannelMask) -> TelemetryFrame {
        var reader = LittleEndianReader(bytes: bytes, offset: start)
        var frame = TelemetryFrame(
            sessionTime: reader.double(), lapNumber: reader.int32(), lapDistance: reader.float(),
            speed: .nan, throttle: .nan, brake: .nan, gear: 0, presentChannels: channels)
        if channels.contains(.lapDistanceFraction) { frame.lapDistanceFraction = reader.float() }
        frame.speed = reader.float()
        frame.throttle = reader.float()
        frame.brake = reader.float()
        if channels.contains(.clutch) { frame.clutch = reader.float() }
        if channels.contains(.steering) { frame.steering = reader.float() }
        frame.gear = reader.int8()
        if channels.contains(.rpm) { frame.rpm = reader.float() }
        if channels.contains(.lateralAcceleration) { frame.lateralAcceleration = reader.float() }
        if channels.contains(.longitudinalAcceleration) { frame.longitudinalAcceleration = reader.float() }
        if channels.contains(.yawRate) { frame.yawRate = reader.float() }
        if channels.contains(.latitude) { frame.latitude = reader.double() }
        if channels.contains(.longitude) { frame.longitude = reader.double() }
        if channels.contains(.onPitRoad) { frame.onPitRoad = reader.uint8() != 0 }
        if channels.contains(.trackSurface) {
            // Unknown surface codes mean the sim has no usable position for the car.
            frame.trackSurface = TrackSurface(rawValue: reader.int8()) ?? .notInWorld
        }
        return frame
    }
}
