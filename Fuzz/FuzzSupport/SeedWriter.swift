import Foundation

/// Writes a fuzz target's seed corpus instead of fuzzing, for the targets whose seeds are made
/// rather than copied (binary batches from real .ibt frames, shortened reference laps, ...).
///
/// `scripts/fuzz-seeds.sh` runs such a target with `TRAILBRAKE_FUZZ_SEEDS_OUT=DIR`; the target's
/// `LLVMFuzzerInitialize` calls `runIfAsked`, which writes every seed `make` returns into DIR
/// and exits before libFuzzer starts. Without the variable it returns at once.
public enum SeedWriter {
    public static func runIfAsked(_ make: (SeedSources) throws -> [[UInt8]]) {
        let environment = ProcessInfo.processInfo.environment
        guard let output = environment["TRAILBRAKE_FUZZ_SEEDS_OUT"] else { return }
        let sources = SeedSources(
            sharedData: environment["TRAILBRAKE_SHARED_DATA"].map { URL(fileURLWithPath: $0) },
            packageRoot: URL(fileURLWithPath: environment["TRAILBRAKE_PACKAGE_ROOT"] ?? FileManager.default.currentDirectoryPath))
        do {
            let directory = URL(fileURLWithPath: output)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let seeds = try make(sources)
            for (index, seed) in seeds.enumerated() {
                try Data(seed).write(to: directory.appendingPathComponent(String(format: "made-%05d", index)))
            }
            print("wrote \(seeds.count) seeds to \(output)")
            exit(0)
        } catch {
            print("seed writing failed: \(error)")
            exit(1)
        }
    }
}

/// Where seeds come from: the real data beside the repository (absent on a clean machine; then
/// only the repository's own files and hand-written seeds are used) and the repository.
public struct SeedSources: Sendable {
    public let sharedData: URL?
    public let packageRoot: URL

    /// Files under `folder` of the shared data whose names end in `suffix`, sorted; none when
    /// the shared data is absent.
    public func sharedFiles(in folder: String, endingWith suffix: String) -> [URL] {
        guard let root = sharedData?.appendingPathComponent(folder) else { return [] }
        return Self.files(in: root, endingWith: suffix)
    }

    /// Files of the repository (e.g. `ReferenceLaps`) whose names end in `suffix`, sorted.
    public func repositoryFiles(in folder: String, endingWith suffix: String) -> [URL] {
        Self.files(in: packageRoot.appendingPathComponent(folder), endingWith: suffix)
    }

    static func files(in root: URL, endingWith suffix: String) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return enumerator.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(suffix) }
            .sorted { $0.path < $1.path }
    }
}
