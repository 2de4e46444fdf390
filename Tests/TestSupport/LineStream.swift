import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The lines a child writes to one pipe, readable as they arrive (and drained for as long as the
/// child lives, so a chatty log can never fill the pipe and block it).
public final class LineStream: Sendable {
    private let lines: AsyncStream<String>

    /// Reads on a thread of its own with blocking reads until end of file. Not with
    /// `FileHandle.readabilityHandler`: clearing that handler from inside itself at end of file
    /// races with libdispatch on Linux and corrupted the test process's heap now and then.
    public init(_ file: FileHandle) {
        let (lines, continuation) = AsyncStream.makeStream(of: String.self)
        self.lines = lines
        let pending = PendingText()
        let descriptor = file.fileDescriptor
        let reader = Thread {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                for line in pending.append(Data(chunk[0..<count])) { continuation.yield(line) }
            }
            continuation.finish()
            withExtendedLifetime(file) {}
        }
        reader.start()
    }

    /// The first line for which `match` returns a value.
    public func firstMatch(_ match: (String) -> String?) async throws -> String {
        for await line in lines {
            if let value = match(line) { return value }
        }
        throw LineStreamEnded()
    }

    /// The line right after the first line satisfying `marker`.
    public func firstLine(after marker: (String) -> Bool) async throws -> String {
        var seenMarker = false
        for await line in lines {
            if seenMarker { return line.trimmingCharacters(in: .whitespaces) }
            seenMarker = marker(line)
        }
        throw LineStreamEnded()
    }
}

/// Bytes received but not yet ended by a newline.
private final class PendingText: Sendable {
    private let buffer = Mutex(Data())

    /// Adds `data` and returns the lines it completed.
    func append(_ data: Data) -> [String] {
        buffer.withLock { buffer in
            buffer.append(data)
            var lines: [String] = []
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                buffer.removeSubrange(buffer.startIndex...newline)
            }
            return lines
        }
    }
}

/// The child closed its pipe before the line a test waited for.
public struct LineStreamEnded: Error, CustomStringConvertible {
    public var description: String { "the stream ended without the expected line" }
}
