/// Who copies committed pages from the WAL file back into the database file (a "checkpoint").
///
/// A checkpoint writes every page committed since the last one and fsyncs the WAL and the
/// database file. SQLite's default runs it *inside* the commit that makes the WAL exceed
/// 1,000 pages, so one lap in about 50 waited 10-11 ms for it (measured, docs/storage.md).
/// Checkpoints never lose data: a committed page stays in the WAL until it is in the database.
public enum CheckpointPolicy: Sendable, Equatable {
    /// `LapWriter` runs a passive checkpoint on a connection of its own, in a detached task,
    /// once about `afterBytes` were written since the last one; `store` never waits for it.
    /// The writer connection's own automatic checkpoint stays only as a far-off backstop
    /// (`backstopPages`), for writes that bypass `LapWriter` when no lap is ever stored.
    case lapWriter(afterBytes: Int)
    /// SQLite's default (automatic checkpoint in the commit crossing 1,000 pages). Kept to
    /// measure against.
    case automaticInCommit

    /// 1 MiB: about a dozen 5,000-frame laps, so a checkpoint copies about 260 pages.
    public static let `default` = CheckpointPolicy.lapWriter(afterBytes: 1 << 20)

    /// 40 MB of 4 KiB pages: never reached while laps are being stored.
    static let backstopPages = 10_000
}
