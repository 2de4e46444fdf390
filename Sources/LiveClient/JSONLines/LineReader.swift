import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines of a file or standard input, read with blocking reads on a thread of its own (stdin
/// cannot be read without blocking) and handed over through a bounded queue: the reader thread
/// waits when `capacity` lines are waiting, so a fast file never outruns memory.
///
/// A line longer than `maximumLineBytes` is not kept: `.tooLong` is delivered in its place.
final class LineReader: Sendable {
    enum Line: Sendable, Equatable {
        case text(String)
        case tooLong(bytes: Int)
    }

    private let lines: AsyncStream<Line>
    private let space: DispatchSemaphore

    /// Takes ownership of `descriptor` (closed at end of file unless it is standard input).
    init(descriptor: Int32, maximumLineBytes: Int, capacity: Int = 256) {
        let (lines, continuation) = AsyncStream.makeStream(of: Line.self)
        let space = DispatchSemaphore(value: capacity)
        self.lines = lines
        self.space = space
        let thread = Thread {
            var pending: [UInt8] = []
            var overflow = 0
            var chunk = [UInt8](repeating: 0, count: 65_536)
            func deliver(_ line: Line) {
                space.wait()
                continuation.yield(line)
            }
            reading: while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                var start = 0
                for index in 0..<count where chunk[index] == UInt8(ascii: "\n") {
                    let piece = chunk[start..<index]
                    if overflow > 0 || pending.count + piece.count > maximumLineBytes {
                        deliver(.tooLong(bytes: overflow + pending.count + piece.count))
                    } else {
                        pending.append(contentsOf: piece)
                        deliver(.text(String(decoding: pending, as: UTF8.self)))
                    }
                    pending.removeAll(keepingCapacity: true)
                    overflow = 0
                    start = index + 1
                }
                let rest = chunk[start..<count]
                if overflow > 0 || pending.count + rest.count > maximumLineBytes {
                    overflow += pending.count + rest.count
                    pending.removeAll(keepingCapacity: true)
                } else {
                    pending.append(contentsOf: rest)
                }
                if Thread.current.isCancelled { break reading }
            }
            if overflow > 0 { deliver(.tooLong(bytes: overflow)) } else if !pending.isEmpty {
                deliver(.text(String(decoding: pending, as: UTF8.self)))
            }
            continuation.finish()
            if descriptor != STDIN_FILENO { close(descriptor) }
        }
        thread.start()
    }

    /// The lines, each taken frees a place in the queue.
    func makeStream() -> AsyncMapSequence<AsyncStream<Line>, Line> {
        let space = self.space
        return lines.map { line in
            space.signal()
            return line
        }
    }
}
