import Foundation

/// Where the shared, unlicensed real data lives (never copied into the repository).
public enum TestData {
    /// `../shared/data` beside the repository, or `TRAILBRAKE_SHARED_DATA` when set.
    public static var sharedDataDirectory: URL? {
        if let override = ProcessInfo.processInfo.environment["TRAILBRAKE_SHARED_DATA"] {
            let url = URL(fileURLWithPath: override)
            return FileManager.default.fileExists(atPath: url.path) ? url : nil
        }
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The package root, for tests that read ReferenceLaps/ or config/.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
