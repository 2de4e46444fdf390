import Coaching
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The packed chunks of one lap in progress, appended to a file that was unlinked as soon as it
/// was made: it lives as long as this object holds its descriptor (closed in `deinit`, when the
/// lap is done with), and a crash leaves nothing behind.
///
/// Chunks are written where the last one ended and read back with `pread`, one system call each;
/// the lap keeps their locations. Written by the lap's one owner, so the lock is never contended.
public final class LapChunkSpoolFile: LapChunkStore {
    private let descriptor: Int32
    private let spool: LapChunkSpool
    /// Bytes written so far: where the next chunk goes.
    private let end = Mutex<Int64>(0)

    init(descriptor: Int32, spool: LapChunkSpool) {
        self.descriptor = descriptor
        self.spool = spool
    }

    deinit { close(descriptor) }

    public func append(_ chunk: [UInt8]) -> LapChunkLocation? {
        guard let length = Int32(exactly: chunk.count) else { return nil }
        return end.withLock { end in
            let failure = chunk.withUnsafeBytes { writeAll($0, at: end) }
            if let failure {
                // Bytes written past `end` are overwritten by the next chunk.
                spool.failed("cannot write a lap chunk", errno: failure)
                return nil
            }
            defer { end += Int64(length) }
            return LapChunkLocation(offset: end, length: length)
        }
    }

    public func read(_ location: LapChunkLocation) throws -> [UInt8] {
        let end = end.withLock { $0 }
        guard location.offset >= 0, location.length >= 0, location.offset + Int64(location.length) <= end else {
            throw LapChunkSpoolError.outOfRange(location, end: end)
        }
        do {
            return try [UInt8](unsafeUninitializedCapacity: Int(location.length)) { buffer, count in
                var done = 0
                while done < buffer.count {
                    let result = pread(
                        descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(location.offset) + off_t(done))
                    if result < 0, errno == EINTR { continue }
                    guard result > 0 else { throw LapChunkSpoolError.readFailed(result < 0 ? errno : 0) }
                    done += result
                }
                count = done
            }
        } catch {
            if case .readFailed(let code) = error as? LapChunkSpoolError {
                spool.failed("cannot read a lap chunk back", errno: code == 0 ? EIO : code)
            }
            throw error
        }
    }

    /// Writes every byte at `offset`; the errno of a failure, nil when all were written.
    private func writeAll(_ bytes: UnsafeRawBufferPointer, at offset: Int64) -> Int32? {
        var done = 0
        while done < bytes.count {
            let result = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return result < 0 ? errno : ENOSPC }
            done += result
        }
        return nil
    }
}

/// Why a spooled chunk could not be read back (the lap is then stored with `data_gap`).
public enum LapChunkSpoolError: Error, CustomStringConvertible {
    case outOfRange(LapChunkLocation, end: Int64)
    case readFailed(Int32)

    public var description: String {
        switch self {
        case .outOfRange(let location, let end):
            "lap chunk at \(location.offset)+\(location.length) lies past the file's \(end) bytes"
        case .readFailed(let code):
            code == 0 ? "lap chunk file ended early" : "cannot read a lap chunk: \(String(cString: strerror(code)))"
        }
    }
}
