import NIOCore

/// Frames of a car driven in code, for live tests that need laps without a recording: 60 Hz,
/// 60 m/s (one metre a frame), so a lap of a track `length` metres long is `length` frames.
struct SyntheticDrive {
    var length: Int
    /// Distance of the first frame; its lap is the out-lap.
    var startDistance = 10
    var startTime = 100.0
    var firstLap: Int32 = 1

    /// Frame `index` of the drive (the lap counter moves on at each line crossing).
    func frame(_ index: Int) -> ClientMessages.Frame {
        let travelled = startDistance + index
        return ClientMessages.Frame(
            t: startTime + Double(index) / 60, lap: firstLap + Int32(travelled / length), dist: Float(travelled % length),
            speed: 60, throttle: Self.noise(index), brake: 0, gear: 4)
    }

    /// A throttle between 0.9 and 1 that never repeats: like real data, it does not compress
    /// to nothing (a stored lap then takes about 2 bytes a frame, so it needs new pages).
    static func noise(_ index: Int) -> Float {
        var state = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 29
        return 0.9 + Float(state % 10_000) / 100_000
    }

    /// Index of the first frame past the `crossing`-th line crossing (1, 2, ...).
    func firstFrame(afterCrossing crossing: Int) -> Int { crossing * length - startDistance }

    /// Binary batches of `size` frames for frames `range`, numbered from `firstSequence`.
    func batches(_ range: Range<Int>, size: Int = 6, firstSequence: UInt64) -> [(sequence: UInt64, buffer: ByteBuffer, frames: Range<Int>)] {
        stride(from: range.lowerBound, to: range.upperBound, by: size).enumerated().map { offset, first in
            let frames = first..<min(first + size, range.upperBound)
            let sequence = firstSequence + UInt64(offset)
            return (sequence, ClientMessages.binaryFrames(seq: sequence, frames.map(frame)), frames)
        }
    }

    /// The flood: a distance that jumps between two points of the lap every frame, so
    /// each frame is a "reset" ending a one-frame lap.
    static func jumpingBatch(seq: UInt64, frames: Int = 120, startTime: Double) -> ByteBuffer {
        ClientMessages.binaryFrames(seq: seq, (0..<frames).map { index in
            ClientMessages.Frame(t: startTime + Double(index) / 60, lap: 3, dist: index % 2 == 0 ? 100 : 500, speed: 60)
        })
    }
}
