import Foundation

/// The disk cache's clip files by name: size and last use, for eviction by least recent use.
struct DiskClipIndex: Sendable {
    private var files: [String: (bytes: Int, lastUse: Date)] = [:]
    private(set) var bytes = 0

    /// Indexes the `*.fileExtension` files of `directory` (none when it does not exist yet).
    init(scanning directory: URL, fileExtension: String) {
        let keys: Set<URLResourceKey> = [.fileSizeKey, .contentModificationDateKey]
        let urls = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: Array(keys))) ?? []
        for url in urls where url.pathExtension == fileExtension {
            guard let values = try? url.resourceValues(forKeys: keys), let size = values.fileSize else { continue }
            used(url.lastPathComponent, bytes: size, at: values.contentModificationDate ?? .distantPast)
        }
    }

    mutating func used(_ name: String, bytes size: Int, at date: Date) {
        bytes += size - (files[name]?.bytes ?? 0)
        files[name] = (size, date)
    }

    mutating func removed(_ name: String) {
        bytes -= files.removeValue(forKey: name)?.bytes ?? 0
    }

    /// When `incoming` more bytes (replacing `name`'s file, if indexed) would not fit in
    /// `capacity`, forgets the least recently used files down to 90 % of it (so the sort runs once
    /// per tenth of the capacity, not per clip); returns their names, for the caller to delete.
    mutating func makeRoom(for incoming: Int, replacing name: String, capacity: Int) -> [String] {
        removed(name)
        guard bytes + incoming > capacity else { return [] }
        let target = capacity - capacity / 10
        var evicted: [String] = []
        for (victim, _) in files.sorted(by: { $0.value.lastUse < $1.value.lastUse }) {
            guard bytes + incoming > target else { break }
            removed(victim)
            evicted.append(victim)
        }
        return evicted
    }
}
