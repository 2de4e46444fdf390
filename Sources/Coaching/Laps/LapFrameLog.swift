import Telemetry

/// The frames of the lap in progress: packed chunks (see `LapFramePacker`) plus a tail of at
/// most `chunkFrames` plain frames. Without a packer every frame stays plain, as before.
///
/// Memory is then bounded by the packed size of the lap plus one chunk of frames, whatever the
/// lap's length, instead of 80 bytes a frame plus the array's growth slack.
struct LapFrameLog: Sendable {
    private let packer: (any LapFramePacker)?
    /// The packer's chunk size, read once: `append` runs per frame and touches the packer only
    /// when a chunk is full (nil: no packer, every frame stays plain).
    private let chunkFrames: Int?
    private var chunks: [[UInt8]] = []
    private var tail: [TelemetryFrame] = []
    /// Frames appended so far.
    private(set) var count = 0

    init(packer: (any LapFramePacker)?) {
        self.packer = packer
        self.chunkFrames = packer.map { max(1, $0.chunkFrames) }
    }

    /// Adds a frame; packs the tail when it is a full chunk.
    mutating func append(_ frame: TelemetryFrame) {
        if let chunkFrames, tail.isEmpty { tail.reserveCapacity(chunkFrames) }
        tail.append(frame)
        count += 1
        guard let chunkFrames, tail.count >= chunkFrames, let packer else { return }
        chunks.append(packer.pack(tail))
        tail.removeAll(keepingCapacity: true)
    }

    /// Every frame in order; `complete` is false when a chunk could not be unpacked (its frames
    /// are missing from `frames`).
    func frames() -> (frames: [TelemetryFrame], complete: Bool) {
        guard let packer, !chunks.isEmpty else { return (tail, true) }
        var frames: [TelemetryFrame] = []
        frames.reserveCapacity(count)
        var complete = true
        for chunk in chunks {
            do { frames.append(contentsOf: try packer.unpack(chunk)) } catch { complete = false }
        }
        frames.append(contentsOf: tail)
        return (frames, complete)
    }

    /// Bytes of lap data this log holds on the heap: packed chunks plus the tail's capacity.
    var heapBytes: Int {
        chunks.reduce(0) { $0 + $1.capacity } + tail.capacity * MemoryLayout<TelemetryFrame>.stride
    }
}
