extension BinaryFrameBatchCodec {
    /// Encodes a batch with the given channels for every frame (clients, tests, the load tool).
    ///
    /// The mask is written as given, so tests can produce messages the decoder must refuse;
    /// channels a frame lacks are written as whatever value the frame holds (NaN by default).
    /// The frame count is clamped to `UInt16.max`, which the decoder rejects as a length mismatch.
    public static func encode(_ batch: FrameBatch, channels: ChannelMask) -> [UInt8] {
        let stride = frameStride(for: channels)
        var out: [UInt8] = []
        out.reserveCapacity(BinaryLayout.headerSize + batch.frames.count * stride)
        out.append(BinaryLayout.magic.0)
        out.append(BinaryLayout.magic.1)
        out.append(BinaryLayout.version)
        out.append(BinaryLayout.frameBatchKind)
        appendLittleEndian(channels.rawValue, to: &out)
        appendLittleEndian(batch.sequence, to: &out)
        appendLittleEndian(UInt16(clamping: batch.frames.count), to: &out)
        appendLittleEndian(UInt16(clamping: stride), to: &out)
        for frame in batch.frames {
            append(frame, channels: channels, to: &out)
        }
        return out
    }

    private static func append(_ frame: TelemetryFrame, channels: ChannelMask, to out: inout [UInt8]) {
        func has(_ channel: ChannelMask) -> Bool { channels.contains(channel) }
        if has(.sessionTime) { appendLittleEndian(frame.sessionTime.bitPattern, to: &out) }
        if has(.lapNumber) { appendLittleEndian(UInt32(bitPattern: frame.lapNumber), to: &out) }
        if has(.lapDistance) { appendLittleEndian(frame.lapDistance.bitPattern, to: &out) }
        if has(.lapDistanceFraction) { appendLittleEndian(frame.lapDistanceFraction.bitPattern, to: &out) }
        if has(.speed) { appendLittleEndian(frame.speed.bitPattern, to: &out) }
        if has(.throttle) { appendLittleEndian(frame.throttle.bitPattern, to: &out) }
        if has(.brake) { appendLittleEndian(frame.brake.bitPattern, to: &out) }
        if has(.clutch) { appendLittleEndian(frame.clutch.bitPattern, to: &out) }
        if has(.steering) { appendLittleEndian(frame.steering.bitPattern, to: &out) }
        if has(.gear) { out.append(UInt8(bitPattern: frame.gear)) }
        if has(.rpm) { appendLittleEndian(frame.rpm.bitPattern, to: &out) }
        if has(.lateralAcceleration) { appendLittleEndian(frame.lateralAcceleration.bitPattern, to: &out) }
        if has(.longitudinalAcceleration) { appendLittleEndian(frame.longitudinalAcceleration.bitPattern, to: &out) }
        if has(.yawRate) { appendLittleEndian(frame.yawRate.bitPattern, to: &out) }
        if has(.latitude) { appendLittleEndian(frame.latitude.bitPattern, to: &out) }
        if has(.longitude) { appendLittleEndian(frame.longitude.bitPattern, to: &out) }
        if has(.onPitRoad) { out.append(frame.onPitRoad ? 1 : 0) }
        if has(.trackSurface) { out.append(UInt8(bitPattern: frame.trackSurface.rawValue)) }
    }

    private static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}
