import Foundation

/// Rendered phrases kept on disk between runs, one file per phrase named by its clip id.
///
/// A file holds the full key, so a hash collision or a file left by other settings is never
/// served as this phrase. Files are written atomically (a temporary file, then a rename), so a
/// crash leaves the old file or the new one, never half of one. Anything unreadable (truncated,
/// foreign, corrupt) is ignored and overwritten by the next render. Not bounded: the phrases a
/// server says are a few thousand files of a few KB; deleting the directory is always safe.
struct PhraseDiskStore: Sendable {
    let directory: URL

    /// "TBVC": Trailbrake voice clip.
    static let magic: [UInt8] = [0x54, 0x42, 0x56, 0x43]
    static let version: UInt8 = 1
    /// Every Ogg page starts with "OggS".
    static let oggCapture: [UInt8] = [0x4f, 0x67, 0x67, 0x53]

    func fileURL(for key: PhraseKey) -> URL {
        directory.appendingPathComponent(key.clipID + ".tbclip", isDirectory: false)
    }

    /// The stored clip, or nil when there is none or it does not check out.
    func load(_ key: PhraseKey) -> VoiceClip? {
        guard let data = try? Data(contentsOf: fileURL(for: key)) else { return nil }
        return Self.decode([UInt8](data), key: key)
    }

    /// Writes the clip; a failure (disk full, read-only directory) only costs a later re-render.
    func store(_ clip: VoiceClip, for key: PhraseKey) -> Bool {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(Self.encode(clip, key: key)).write(to: fileURL(for: key), options: .atomic)
            return true
        } catch {
            return false
        }
    }

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
