import Foundation
import Synchronization

/// Where finished log lines go: standard error by default (systemd's journal or a container's
/// log driver picks them up), or a closure (tests). A lock keeps lines from interleaving.
public final class LogLineSink: Sendable {
    private let lock = Mutex(())
    private let writeLine: @Sendable (String) -> Void

    public init(_ writeLine: @escaping @Sendable (String) -> Void) {
        self.writeLine = writeLine
    }

    public static let standardError = LogLineSink { line in
        FileHandle.standardError.write(Data(line.utf8))
    }

    func write(_ line: String) {
        lock.withLock { _ in writeLine(line) }
    }
}
