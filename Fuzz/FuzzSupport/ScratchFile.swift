import Foundation

/// One file per fuzzing process, rewritten for every input, for readers whose entry point takes
/// a path (the `.ibt` and CSV importers pick their reader by the file name). It lives under
/// `TRAILBRAKE_FUZZ_SCRATCH` (scripts/fuzz.sh points it at a folder in /dev/shm it removes
/// afterwards), else in the temporary directory.
public struct ScratchFile: Sendable {
    public let directory: URL

    public init() {
        let base = ProcessInfo.processInfo.environment["TRAILBRAKE_FUZZ_SCRATCH"] ?? NSTemporaryDirectory()
        directory = URL(fileURLWithPath: base).appendingPathComponent("trailbrake-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `bytes` as `name` (slashes and NULs replaced, at most 200 bytes) and returns its URL.
    public func write(_ bytes: UnsafeRawBufferPointer, named name: String) -> URL? {
        let safe = String(name.map { $0 == "/" || $0 == "\0" ? "_" : $0 }.prefix(200))
        let url = directory.appendingPathComponent(["", ".", ".."].contains(safe) ? "_" : safe)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else { return nil }
        return url
    }

    public func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}
