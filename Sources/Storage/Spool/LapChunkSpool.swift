import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory where live laps in progress keep their packed chunks (`<data_dir>/live-laps`),
/// so that a driver's memory does not grow with the lap: the lap's frames (about 10 bytes a
/// frame, 48 KB 80 s into a lap, up to 7.5 MB for a lap at the lap cap) and the live grid's
/// blocks behind the car (about 7 bytes a metre) go to files instead of the heap.
///
/// Each lap gets a `LapChunkSpoolFile` with no name for its frames and one for its grid: nothing
/// is left behind when the lap ends, the server stops or crashes. When a file cannot be made,
/// written or read (descriptors exhausted, disk full), the lap keeps its chunks in memory as it
/// did without a spool (or reads the block as never driven), and the failure is logged (the
/// first, then at each power of two).
public final class LapChunkSpool: Sendable {
    public let directory: URL
    private let logger: Logger
    private let failures = Atomic<Int>(0)

    /// Creates the directory (owner only) and removes files a crash left there between a file's
    /// creation and its unlinking.
    public init(directory: URL, logger: Logger) throws(StorageError) {
        self.directory = directory
        self.logger = logger
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for leftover in try FileManager.default.contentsOfDirectory(atPath: directory.path)
            where leftover.hasPrefix(Self.filePrefix) {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(leftover))
            }
        } catch {
            throw .databaseFailure("cannot prepare the lap spool directory \(directory.path): \(error)")
        }
    }

    /// The directory beside a database file; nil for an in-memory database.
    public convenience init?(besideDatabase database: TrailbrakeDatabase, logger: Logger) throws(StorageError) {
        guard let path = database.path else { return nil }
        try self.init(
            directory: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("live-laps"),
            logger: logger)
    }

    static let filePrefix = "lap-"

    /// A new unnamed file for one lap; nil (logged) when none can be made.
    public func makeFile() -> LapChunkSpoolFile? {
        var template = Array("\(directory.path)/\(Self.filePrefix)XXXXXX".utf8CString)
        // mkstemp: owner-only, O_EXCL (mkostemp, which sets close-on-exec at once, is a GNU
        // extension Swift does not import; the server starts no processes).
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            failed("cannot create a lap spool file in \(directory.path)", errno: errno)
            return nil
        }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return LapChunkSpoolFile(descriptor: descriptor, spool: self)
    }

    /// Failures so far: files not made and chunks not written (kept in memory), chunks not read.
    public var failureCount: Int { failures.load(ordering: .relaxed) }

    func failed(_ what: String, errno code: Int32) {
        let count = failures.add(1, ordering: .relaxed).newValue
        guard count & (count - 1) == 0 else { return }
        logger.warning(
            "lap spool: \(what); the lap keeps its chunks in memory",
            metadata: ["error": "\(String(cString: strerror(code)))", "failures": "\(count)"])
    }
}
