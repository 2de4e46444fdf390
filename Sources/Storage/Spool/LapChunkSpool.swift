import Coaching
import Dispatch
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where live laps in progress keep their packed chunks, so that a driver's memory does not grow
/// with the lap: the lap's frames (about 10 bytes a frame, 48 KB 80 s into a lap, up to 7.5 MB at
/// the lap cap) and the live grid's blocks behind the car (about 7 bytes a metre) go to disk.
///
/// One file for the whole server, in `<data_dir>/live-laps`, unlinked as soon as it is made: it
/// has no name, and goes with the process, crash included. It is handed out in extents of
/// `extentBytes`; each lap's store (`LapChunkSpoolStore`) takes extents as it fills them and
/// gives them back when the lap lets it go. The lowest free extent is taken first, so when most
/// of the file is free again after a peak its free tail is cut off (`SpoolExtentTable`): the
/// file holds about what the laps in progress need, never more than `maximumBytes`. One file,
/// not one per lap: a file made and unlinked per lap cost ext4 about a millisecond of kernel
/// time per driver, on the live path (docs/performance.md).
///
/// When no extent is left (`maximumBytes`) or a write or read fails (disk full, I/O error), the
/// lap keeps that chunk in memory as it would without a spool (a grid block or frames not read
/// back read as a gap), and the failure is logged: the first, then at each power of two.
public final class LapChunkSpool: Sendable {
    /// 16 KiB: a chunk of 60 frames packs to about 1 KB and a grid block to under 1 KB, so an
    /// extent holds 10-20 of them, and a lap's last extent wastes at most this much.
    public static let extentBytes = 16 << 10
    /// 1 GiB: about 100 KB a driver late in a lap (frames and grid, in extents), so room for
    /// 10,000 drivers, twice `live.max_connections`' default.
    public static let defaultMaximumBytes = 1 << 30

    public let directory: URL
    public let maximumBytes: Int
    /// What one lap's store may take: 1/512 of the file (2 MiB of the default 1 GiB, a 60 Hz lap
    /// of an hour or more), so no few clients streaming endless laps fill the spool for everyone;
    /// past it, that lap keeps its chunks in memory, as without a spool.
    public var maximumBytesPerLap: Int { max(Self.extentBytes, maximumBytes / 512) }
    private let descriptor: Int32
    private let extents = Mutex(SpoolExtentTable())
    private let logger: Logger
    private let failures = Atomic<Int>(0)

    /// Creates the directory (owner only), removes files a crash left there between a file's
    /// creation and its unlinking, and makes the spool's unnamed file.
    public init(directory: URL, maximumBytes: Int = defaultMaximumBytes, logger: Logger) throws(StorageError) {
        self.directory = directory
        self.maximumBytes = max(Self.extentBytes, maximumBytes)
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
        // mkstemp: owner-only, O_EXCL (mkostemp, which sets close-on-exec at once, is a GNU
        // extension Swift does not import; the server starts no processes).
        var template = Array("\(directory.path)/\(Self.filePrefix)XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .databaseFailure("cannot create the lap spool file in \(directory.path): \(String(cString: strerror(errno)))")
        }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        self.descriptor = descriptor
    }

    /// The spool beside a database file (`<data_dir>/live-laps`); nil for an in-memory database.
    public convenience init?(
        besideDatabase database: TrailbrakeDatabase, maximumBytes: Int = defaultMaximumBytes, logger: Logger
    ) throws(StorageError) {
        guard let path = database.path else { return nil }
        try self.init(
            directory: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("live-laps"),
            maximumBytes: maximumBytes, logger: logger)
    }

    deinit { close(descriptor) }

    static let filePrefix = "lap-"

    /// A store for one lap's chunks; it takes extents only as it is written.
    public func makeStore() -> LapChunkSpoolStore {
        LapChunkSpoolStore(spool: self)
    }

    /// Failures so far: chunks not written (kept in memory, no extent left or a write error),
    /// chunks not read back, and cuts of the file that failed.
    public var failureCount: Int { failures.load(ordering: .relaxed) }

    /// Extents held by stores now.
    public var extentsInUse: Int { extents.withLock { $0.inUse } }

    /// The extents the file holds, handed out or free, in bytes (at most `maximumBytes`). The
    /// file itself ends where its last extent was written, and after a cut that failed it is
    /// longer until it grows past it again.
    public var fileBytes: Int { extents.withLock { $0.count } * Self.extentBytes }

    /// The file is cut only when at least this many extents (1 MiB) are free at its end, and
    /// they are at least half of it: a few laps ending never shrink it.
    static let shrinkMinimumExtents = 64

    /// Where the file is cut: off the live path (a cut of hundreds of MB takes the file system
    /// tens of milliseconds), one cut at a time.
    private let cutQueue = DispatchQueue(label: "trailbrake.lap-spool.cut", qos: .utility)

    /// The file's length as the file system reports it.
    func lengthOnDisk() -> Int {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int(status.st_size) : -1
    }

    // MARK: - For the stores

    /// A free extent's offset; nil when none is free and the file is at `maximumBytes` or
    /// being cut.
    func takeExtent() -> Int? {
        let (offset, cutting) = extents.withLock { table in
            (table.take(limit: maximumBytes / Self.extentBytes).map { $0 * Self.extentBytes }, table.cutting)
        }
        // While a cut is made the file does not grow; the lap keeps this chunk in memory (not a failure).
        if offset == nil, !cutting {
            failed("no extent left (the spool is at its \(maximumBytes) bytes); the lap keeps its chunks in memory", errno: ENOSPC)
        }
        return offset
    }

    /// Frees a lap's extents; when the file's free tail is at least half of it, cuts it off on
    /// `cutQueue`. Until the cut is made the table hands out only extents below the new end (a
    /// lap that needs a new one keeps that chunk in memory), so nothing written is cut away.
    func giveBack(_ offsets: [Int]) {
        guard !offsets.isEmpty else { return }
        let cut: Int? = extents.withLock { table in
            for offset in offsets { table.give(offset / Self.extentBytes) }
            return table.shrinkToFit(minimumFree: Self.shrinkMinimumExtents)
        }
        guard let cut else { return }
        cutQueue.async { [self] in
            var result: Int32
            repeat { result = ftruncate(descriptor, off_t(cut * Self.extentBytes)) } while result != 0 && errno == EINTR
            let failure = result == 0 ? nil : errno
            extents.withLock { $0.cutDone() }
            // The tail stays on disk and is written over when the file grows again.
            if let failure { failed("cannot shrink the file; it keeps its length", errno: failure) }
        }
    }

    /// Waits for a cut on its way (for tests).
    func waitForCut() {
        cutQueue.sync {}
    }

    /// Writes every byte at `offset`; false (logged) when it could not.
    func write(_ bytes: [UInt8], at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            let result = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + done, $0.count - done, off_t(offset + done)) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                failed("cannot write a lap chunk; the lap keeps it in memory", errno: result < 0 ? errno : ENOSPC)
                return false
            }
            done += result
        }
        return true
    }

    /// `length` bytes at `offset`; throws (logged) when they cannot be read.
    func read(at offset: Int, length: Int) throws(LapChunkSpoolError) -> [UInt8] {
        do {
            return try [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
                var done = 0
                while done < buffer.count {
                    let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                    if result < 0, errno == EINTR { continue }
                    guard result > 0 else { throw LapChunkSpoolError.readFailed(result < 0 ? errno : 0) }
                    done += result
                }
                count = done
            }
        } catch let error as LapChunkSpoolError {
            if case .readFailed(let code) = error {
                failed("cannot read a lap chunk back; the lap has a gap there", errno: code == 0 ? EIO : code)
            }
            throw error
        } catch {
            throw .readFailed(EIO)
        }
    }

    private func failed(_ what: String, errno code: Int32) {
        let count = failures.add(1, ordering: .relaxed).newValue
        guard count & (count - 1) == 0 else { return }
        logger.warning(
            "lap spool: \(what)",
            metadata: ["error": "\(String(cString: strerror(code)))", "failures": "\(count)"])
    }
}

/// Why a spooled chunk could not be read back (a lap's frames are then stored with `data_gap`).
public enum LapChunkSpoolError: Error, CustomStringConvertible {
    case outOfRange(LapChunkLocation)
    case readFailed(Int32)

    public var description: String {
        switch self {
        case .outOfRange(let location):
            "lap chunk at \(location.offset)+\(location.length) is not one this lap wrote"
        case .readFailed(let code):
            code == 0 ? "lap spool file ended early" : "cannot read a lap chunk: \(String(cString: strerror(code)))"
        }
    }
}
