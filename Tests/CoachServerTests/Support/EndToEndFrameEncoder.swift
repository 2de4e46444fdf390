import NIOCore
import Telemetry

/// Writes frame batches in binary layout v1, straight from the table in docs/protocol.md, so the
/// end-to-end tests never rely on the server's own codec to talk to it.
///
/// Unlike `ClientMessages.binaryFrames` it carries every optional channel the stream really has
/// (the lap fraction above all: without it the server cannot learn where the distance wraps and
/// times Langley laps with the declared 580 m).
struct EndToEndFrameEncoder {
    /// One channel of the layout: its bit, its width and how to write it.
    struct Channel: Sendable {
        let bit: Int
        let size: Int
        let isFinite: @Sendable (TelemetryFrame) -> Bool
        let write: @Sendable (TelemetryFrame, inout ByteBuffer) -> Void
    }

    static let channels: [Channel] = [
        double(0) { $0.sessionTime },
        Channel(bit: 1, size: 4, isFinite: { _ in true }) { $1.writeInteger($0.lapNumber, endianness: .little) },
        float(2) { $0.lapDistance }, float(3) { $0.lapDistanceFraction }, float(4) { $0.speed },
        float(5) { $0.throttle }, float(6) { $0.brake }, float(7) { $0.clutch }, float(8) { $0.steering },
        Channel(bit: 9, size: 1, isFinite: { _ in true }) { $1.writeInteger($0.gear) },
        float(10) { $0.rpm }, float(11) { $0.lateralAcceleration }, float(12) { $0.longitudinalAcceleration },
        float(13) { $0.yawRate }, double(14) { $0.latitude }, double(15) { $0.longitude },
        Channel(bit: 16, size: 1, isFinite: { _ in true }) { $1.writeInteger(UInt8($0.onPitRoad ? 1 : 0)) },
        Channel(bit: 17, size: 1, isFinite: { _ in true }) { $1.writeInteger($0.trackSurface.rawValue) },
    ]

    /// Bits 0, 1, 2, 4, 5, 6 and 9: the protocol's required channels.
    static let requiredBits: Set<Int> = [0, 1, 2, 4, 5, 6, 9]

    /// The channels sent: the required ones, and each optional one that is finite in every frame
    /// of the stream (a channel the source lacks is NaN, which the server rightly refuses).
    let sent: [Channel]

    init(for frames: [TelemetryFrame]) {
        sent = Self.channels.filter { channel in
            Self.requiredBits.contains(channel.bit) || (!frames.isEmpty && frames.allSatisfy(channel.isFinite))
        }
    }

    var mask: UInt32 { sent.reduce(0) { $0 | (1 << UInt32($1.bit)) } }
    var stride: Int { sent.reduce(0) { $0 + $1.size } }

    /// One batch message: header (magic, version, kind, mask, sequence, count, stride), then frames.
    func batch(sequence: UInt64, _ frames: ArraySlice<TelemetryFrame>) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(20 + frames.count * stride)
        buffer.writeBytes([0x54, 0x42, 1, 1])
        buffer.writeInteger(mask, endianness: .little)
        buffer.writeInteger(sequence, endianness: .little)
        buffer.writeInteger(UInt16(frames.count), endianness: .little)
        buffer.writeInteger(UInt16(stride), endianness: .little)
        for frame in frames {
            for channel in sent { channel.write(frame, &buffer) }
        }
        return buffer
    }

    /// The whole stream cut into batches of `size` frames, sequences from 1.
    func batches(_ frames: [TelemetryFrame], size: Int) -> [ByteBuffer] {
        Swift.stride(from: 0, to: frames.count, by: size).enumerated().map { index, start in
            batch(sequence: UInt64(index + 1), frames[start..<min(start + size, frames.count)])
        }
    }

    private static func float(_ bit: Int, _ value: @escaping @Sendable (TelemetryFrame) -> Float) -> Channel {
        Channel(bit: bit, size: 4, isFinite: { value($0).isFinite }) { $1.writeInteger(value($0).bitPattern, endianness: .little) }
    }

    private static func double(_ bit: Int, _ value: @escaping @Sendable (TelemetryFrame) -> Double) -> Channel {
        Channel(bit: bit, size: 8, isFinite: { value($0).isFinite }) { $1.writeInteger(value($0).bitPattern, endianness: .little) }
    }
}
