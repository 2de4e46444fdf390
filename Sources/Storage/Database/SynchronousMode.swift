/// SQLite's `PRAGMA synchronous` in WAL mode: how hard a commit waits for the disk.
///
/// - `normal`: a commit is written to the WAL file (in the OS page cache) but not fsynced.
///   It survives a crash or SIGKILL of the server process, because the OS still holds the
///   pages and writes them out; a power loss or kernel panic can lose the last commits (never
///   corrupt the database). This is the default: a commit costs about 1 ms instead of an fsync.
/// - `full`: every commit fsyncs the WAL, so it also survives a power loss, at the cost of one
///   fsync per lap (milliseconds to tens of milliseconds on cloud disks).
public enum SynchronousMode: String, Sendable, CaseIterable {
    case normal = "NORMAL"
    case full = "FULL"
}
