import Foundation

#if canImport(Glibc)
import Glibc
private let renameFile = Glibc.rename
#elseif canImport(Darwin)
import Darwin
private let renameFile = Darwin.rename
#endif

/// fsync and rename, so a backup or restored database is on disk before its name points at it.
enum DurableFile {
    static func sync(path: String) throws(BackupError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .fileFailure("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .fileFailure("cannot sync \(path): \(String(cString: strerror(errno)))") }
    }

    /// Atomic within one file system; the directory is synced so the new name survives a crash.
    static func rename(_ source: String, to destination: String) throws(BackupError) {
        guard renameFile(source, destination) == 0 else {
            throw .fileFailure("cannot rename \(source) to \(destination): \(String(cString: strerror(errno)))")
        }
        let directory = (destination as NSString).deletingLastPathComponent
        try sync(path: directory.isEmpty ? "." : directory)
    }
}
