import Telemetry

/// Frames in arrival order with O(1) append and removal at the front (an array and a head
/// index, compacted when half of it is spent).
struct FrameQueue: Sendable {
    private var storage: [TelemetryFrame] = []
    private var head = 0

    var count: Int { storage.count - head }
    var isEmpty: Bool { count == 0 }
    var first: TelemetryFrame? { isEmpty ? nil : storage[head] }

    mutating func append(_ frame: TelemetryFrame) { storage.append(frame) }

    mutating func removeFirst(_ wanted: Int) -> [TelemetryFrame] {
        let taken = min(wanted, count)
        let frames = Array(storage[head..<(head + taken)])
        head += taken
        compactIfSpent()
        return frames
    }

    private mutating func compactIfSpent() {
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024, head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }
}
