#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on `<data_dir>/trailbrake.lock`, held by `trailbrake serve` for as long as it
/// runs, so that `restore` never replaces a database under a running server and a second server
/// never shares the first one's data directory. It is an advisory `flock`: the kernel drops it
/// when the process ends, however it ends, so a crash never leaves a stale lock.
public final class DataDirectoryLock: Sendable {
    public static let fileName = "trailbrake.lock"
    private let descriptor: Int32

    /// Takes the lock without waiting; throws `serverRunning` when another process holds it.
    public init(dataDirectory: String) throws(BackupError) {
        let path = dataDirectory + "/" + Self.fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .fileFailure("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            close(descriptor)
            if failure == EWOULDBLOCK { throw .serverRunning(dataDirectory: dataDirectory) }
            throw .fileFailure("cannot lock \(path): \(String(cString: strerror(failure)))")
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)  // closing drops the flock
    }
}
