import NIOCore
import Telemetry

/// Binary frame batches, layout version 1 (docs/protocol.md, "Binary layout"): a 20-byte
/// little-endian header, then `count` frames of the present channels in bit order.
enum BinaryFrameBatch {
    static let headerSize = 20
    static let magic: [UInt8] = [0x54, 0x42]

    /// Bytes per frame implied by a channel mask.
    static func stride(of mask: ChannelMask) -> Int {
        var size = 0
        for bit in 0..<18 where mask.contains(ChannelMask(rawValue: 1 << bit)) {
            size += channelSize(bit: bit)
        }
        return size
    }

    private static func channelSize(bit: Int) -> Int {
        switch bit {
        case 0, 14, 15: 8  // f64: session time, latitude, longitude
        case 9, 16, 17: 1  // i8 / u8: gear, on pit road, track surface
        default: 4  // i32 lap, f32 everything else
        }
    }

    static func decode(_ buffer: ByteBuffer) throws(LiveProtocolError) -> FrameBatch {
        guard buffer.readableBytes >= headerSize else {
            throw LiveProtocolError(.badBinaryHeader, "a binary batch starts with a 20-byte header, got \(buffer.readableBytes) bytes")
        }
        let start = buffer.readerIndex
        func u8(_ offset: Int) -> UInt8 { buffer.getInteger(at: start + offset, as: UInt8.self) ?? 0 }
        guard u8(0) == magic[0], u8(1) == magic[1] else { throw LiveProtocolError(.badBinaryHeader, "wrong magic, expected \"TB\"") }
        guard u8(2) == 1 else { throw LiveProtocolError(.badBinaryHeader, "layout version \(u8(2)) is not supported") }
        guard u8(3) == 1 else { throw LiveProtocolError(.badBinaryHeader, "message kind \(u8(3)) is not a frame batch") }

        let rawMask = buffer.getInteger(at: start + 4, endianness: .little, as: UInt32.self) ?? 0
        let mask = ChannelMask(rawValue: rawMask)
        guard ChannelMask.all.isSuperset(of: mask) else {
            throw LiveProtocolError(.badChannelMask, "channel mask sets unknown bits 18...31")
        }
        guard mask.isSuperset(of: .required) else {
            throw LiveProtocolError(.badChannelMask, "channel mask lacks a required channel (bits 0, 1, 2, 4, 5, 6, 9)")
        }
        let sequence = buffer.getInteger(at: start + 8, endianness: .little, as: UInt64.self) ?? 0
        let count = Int(buffer.getInteger(at: start + 16, endianness: .little, as: UInt16.self) ?? 0)
        guard (1...FrameBatch.maximumFrameCount).contains(count) else {
            throw LiveProtocolError(.badFrameCount, "a batch holds 1...120 frames, got \(count)")
        }
        let declaredStride = Int(buffer.getInteger(at: start + 18, endianness: .little, as: UInt16.self) ?? 0)
        let expectedStride = stride(of: mask)
        guard declaredStride == expectedStride else {
            throw LiveProtocolError(.badBinaryHeader, "bytes per frame is \(declaredStride), the mask implies \(expectedStride)")
        }
        let expectedLength = headerSize + count * expectedStride
        guard buffer.readableBytes == expectedLength else {
            throw LiveProtocolError(.badBinaryHeader, "message is \(buffer.readableBytes) bytes, the header implies \(expectedLength)")
        }

        var reader = BinaryFrameReader(buffer: buffer, offset: start + headerSize)
        var frames: [TelemetryFrame] = []
        frames.reserveCapacity(count)
        for index in 0..<count {
            frames.append(try reader.readFrame(mask: mask, index: index))
        }
        return FrameBatch(sequence: sequence, frames: frames)
    }
}

/// Reads consecutive little-endian frame fields; bounds were checked against the header first.
private struct BinaryFrameReader {
    let buffer: ByteBuffer
    var offset: Int

    mutating func f64() -> Double {
        defer { offset += 8 }
        return Double(bitPattern: buffer.getInteger(at: offset, endianness: .little, as: UInt64.self) ?? 0)
    }
    mutating func f32() -> Float {
        defer { offset += 4 }
        return Float(bitPattern: buffer.getInteger(at: offset, endianness: .little, as: UInt32.self) ?? 0)
    }
    mutating func i32() -> Int32 {
        defer { offset += 4 }
        return buffer.getInteger(at: offset, endianness: .little, as: Int32.self) ?? 0
    }
    mutating func i8() -> Int8 {
        defer { offset += 1 }
        return buffer.getInteger(at: offset, as: Int8.self) ?? 0
    }

    mutating func readFrame(mask: ChannelMask, index: Int) throws(LiveProtocolError) -> TelemetryFrame {
        func optionalF32(_ channel: ChannelMask) -> Float { mask.contains(channel) ? f32() : .nan }
        let sessionTime = f64()
        let lap = i32()
        let distance = f32()
        let fraction = optionalF32(.lapDistanceFraction)
        let speed = f32()
        let throttle = f32()
        let brake = f32()
        let clutch = optionalF32(.clutch)
        let steering = optionalF32(.steering)
        let gear = i8()
        let rpm = optionalF32(.rpm)
        let lateral = optionalF32(.lateralAcceleration)
        let longitudinal = optionalF32(.longitudinalAcceleration)
        let yawRate = optionalF32(.yawRate)
        let latitude = mask.contains(.latitude) ? f64() : .nan
        let longitude = mask.contains(.longitude) ? f64() : .nan
        var onPitRoad = false
        if mask.contains(.onPitRoad) {
            let raw = i8()
            guard raw == 0 || raw == 1 else { throw LiveProtocolError(.invalidValue, "frame \(index): on pit road must be 0 or 1") }
            onPitRoad = raw == 1
        }
        var surface = TrackSurface.onTrack
        if mask.contains(.trackSurface) {
            let raw = i8()
            guard let known = TrackSurface(rawValue: raw) else {
                throw LiveProtocolError(.invalidValue, "frame \(index): track surface \(raw) is not -1...3")
            }
            surface = known
        }
        return TelemetryFrame(
            sessionTime: sessionTime, lapNumber: lap, lapDistance: distance, lapDistanceFraction: fraction, speed: speed,
            throttle: throttle, brake: brake, clutch: clutch, steering: steering, gear: gear, rpm: rpm,
            lateralAcceleration: lateral, longitudinalAcceleration: longitudinal, yawRate: yawRate, latitude: latitude,
            longitude: longitude, onPitRoad: onPitRoad, trackSurface: surface, presentChannels: mask)
    }
}
