import Foundation

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

    /// Takes ownership of `file` (closed at end of file unless it is standard input).
    init(file: FileHandle, maximumLineBytes: Int, capacity: Int = 256) {
        let (lines, continuation) = AsyncStream.makeStream(of: Line.self)
        let space = DispatchSemaphore(value: capacity)
        self.lines = lines
        self.space = space
        let thread = Thread {
            var pending: [UInt8] = []
            var overflow = 0
            func deliver(_ line: Line) {
                space.wait()
                continuation.yield(line)
            }
            reading: while true {
                // A read error ends the input like the end of the file does.
                guard let data = try? file.read(upToCount: 65_536), !data.isEmpty else { break }
                let chunk = [UInt8](data)
                let count = chunk.count
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
            if file !== FileHandle.standardInput { try? file.close() }
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
