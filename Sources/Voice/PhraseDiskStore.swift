import Foundation
import Synchronization

/// Rendered phrases kept on disk between runs, one file per phrase named by its clip id.
///
/// A file holds the full key, so a hash collision or a file left by other settings is never
/// served as this phrase. Files are written atomically (a temporary file, then a rename), so a
/// crash leaves the old file or the new one, never half of one. Anything unreadable (truncated,
/// foreign, corrupt) is ignored and overwritten by the next render. Deleting the directory is
/// always safe.
///
/// Bounded by `capacityBytes`: the clip files (`*.tbclip`, nothing else in the directory is
/// touched) are indexed by size and last use, the index built from the directory on first use
/// (modification times carry the last use across restarts: a load touches its file), and the
/// least recently used files are deleted when a new clip would pass the bound.
final class PhraseDiskStore: Sendable {
    let directory: URL
    let capacityBytes: Int
    private let index = Mutex<DiskClipIndex?>(nil)

    init(directory: URL, capacityBytes: Int = 256 << 20) {
        self.directory = directory
        self.capacityBytes = max(0, capacityBytes)
    }

    /// Bytes of clip files now (as indexed).
    var bytes: Int { index.withLock { $0?.bytes ?? 0 } }

    /// "TBVC": Trailbrake voice clip.
    static let magic: [UInt8] = [0x54, 0x42, 0x56, 0x43]
    static let version: UInt8 = 1
    /// Every Ogg page starts with "OggS".
    static let oggCapture: [UInt8] = [0x4f, 0x67, 0x67, 0x53]

    func fileURL(for key: PhraseKey) -> URL {
        directory.appendingPathComponent(key.clipID + "." + Self.fileExtension, isDirectory: false)
    }

    /// The stored clip, or nil when there is none or it does not check out.
    func load(_ key: PhraseKey) -> VoiceClip? {
        let url = fileURL(for: key)
        guard let data = try? Data(contentsOf: url), let clip = Self.decode([UInt8](data), key: key) else { return nil }
        let now = Date()
        try? FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: url.path)
        withIndex { $0.used(url.lastPathComponent, bytes: data.count, at: now) }
        return clip
    }

    /// Writes the clip, deleting the least recently used files first when it would pass the
    /// bound; a failure (disk full, read-only directory) only costs a later re-render.
    func store(_ clip: VoiceClip, for key: PhraseKey) -> Bool {
        let bytes = Self.encode(clip, key: key)
        let name = fileURL(for: key).lastPathComponent
        guard bytes.count <= capacityBytes else { return false }
        let evicted = withIndex { $0.makeRoom(for: bytes.count, replacing: name, capacity: capacityBytes) }
        for victim in evicted { try? FileManager.default.removeItem(at: directory.appendingPathComponent(victim)) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: fileURL(for: key), options: .atomic)
        } catch {
            withIndex { $0.removed(name) }
            return false
        }
        withIndex { $0.used(name, bytes: bytes.count, at: Date()) }
        return true
    }

    /// Runs `body` on the index, building it from the directory the first time.
    private func withIndex<T>(_ body: (inout DiskClipIndex) -> T) -> T {
        index.withLock { index in
            var built = index ?? DiskClipIndex(scanning: directory, fileExtension: Self.fileExtension)
            defer { index = built }
            return body(&built)
        }
    }

    static let fileExtension = "tbclip"

    static func encode(_ clip: VoiceClip, key: PhraseKey) -> [UInt8] {
        let keyBytes = Array(key.canonical.utf8)
        var out = magic + [version]
        out.appendLittleEndian(UInt32(keyBytes.count))
        out += keyBytes
        out.appendLittleEndian(clip.duration.bitPattern)
        out.appendLittleEndian(UInt32(clamping: clip.sampleRate))
        out.appendLittleEndian(UInt32(clip.bytes.count))
        return out + clip.bytes
    }

    static func decode(_ bytes: [UInt8], key: PhraseKey) -> VoiceClip? {
        var reader = ByteReader(bytes: bytes)
        guard reader.take(4) == magic[...], reader.take(1) == [version][...],
              let keyLength = reader.uint32(), let keyBytes = reader.take(Int(keyLength)),
              Array(keyBytes) == Array(key.canonical.utf8),
              let durationBits = reader.uint64(), let rate = reader.uint32(), let length = reader.uint32(),
              let ogg = reader.take(Int(length)), reader.isAtEnd, ogg.starts(with: oggCapture)
        else { return nil }
        let duration = Double(bitPattern: durationBits)
        guard duration.isFinite, duration > 0, rate > 0 else { return nil }
        return VoiceClip(bytes: Array(ogg), duration: duration, sampleRate: Int(rate))
    }
}

/// Bounds-checked little-endian reads: a short file yields nil, never a trap.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func uint32() -> UInt32? {
        take(4).map { $0.reversed().reduce(0) { $0 << 8 | UInt32($1) } }
    }

    mutating func uint64() -> UInt64? {
        take(8).map { $0.reversed().reduce(0) { $0 << 8 | UInt64($1) } }
    }
}

extension [UInt8] {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
