/// The header of the server's binary voice-clip message (docs/protocol.md, "voice clip"): 44
/// little-endian bytes, then the Ogg Opus file. It lives here, beside the frame-batch layout,
/// so the server that writes it and every client that reads it (the load tool, tests) share one
/// definition.
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 2 | magic "TB" |
/// | 2 | 1 | version 1 |
/// | 3 | 1 | kind 2 (voice clip) |
/// | 4 | 8 | cue id |
/// | 12 | 16 | clip id, ASCII |
/// | 28 | 1 | codec (1 = Ogg Opus) |
/// | 29 | 1 | channels |
/// | 30 | 2 | reserved, zero |
/// | 32 | 4 | sample rate |
/// | 36 | 4 | duration in samples |
/// | 40 | 4 | payload length |
public struct VoiceClipHeader: Sendable, Hashable {
    public static let size = 44
    public static let version: UInt8 = 1
    /// Message kinds share one space with the client's (1 = frame batch).
    public static let kind: UInt8 = 2
    public static let clipIDLength = 16

    public enum Codec: UInt8, Sendable {
        /// RFC 7845: a complete Ogg Opus file any player can play.
        case oggOpus = 1
    }

    public var cueID: UInt64
    /// 16 ASCII characters naming the clip, as the `cue` message's `clip.id`.
    public var clipID: String
    public var codec: Codec
    public var channels: UInt8
    public var sampleRate: UInt32
    public var durationSamples: UInt32
    public var payloadLength: UInt32

    public init(
        cueID: UInt64, clipID: String, codec: Codec = .oggOpus, channels: UInt8 = 1, sampleRate: UInt32,
        durationSamples: UInt32, payloadLength: UInt32
    ) {
        self.cueID = cueID
        self.clipID = clipID
        self.codec = codec
        self.channels = channels
        self.sampleRate = sampleRate
        self.durationSamples = durationSamples
        self.payloadLength = payloadLength
    }

    /// Seconds of audio.
    public var duration: Double { sampleRate == 0 ? 0 : Double(durationSamples) / Double(sampleRate) }

    /// The 44 header bytes; nil when the clip id is not 16 ASCII characters.
    public func encoded() -> [UInt8]? {
        let id = Array(clipID.utf8)
        guard id.count == Self.clipIDLength, id.allSatisfy({ $0 < 0x80 }) else { return nil }
        var bytes: [UInt8] = [BinaryLayout.magic.0, BinaryLayout.magic.1, Self.version, Self.kind]
        bytes.reserveCapacity(Self.size)
        Self.append(cueID, to: &bytes)
        bytes += id
        bytes += [codec.rawValue, channels, 0, 0]
        Self.append(sampleRate, to: &bytes)
        Self.append(durationSamples, to: &bytes)
        Self.append(payloadLength, to: &bytes)
        return bytes
    }

    /// Reads the header of a whole binary message and checks that the payload length matches.
    public init(parsing message: some Collection<UInt8>) throws(VoiceClipHeaderError) {
        let bytes = Array(message)
        guard bytes.count >= Self.size else { throw .tooShort(bytes.count) }
        guard bytes[0] == BinaryLayout.magic.0, bytes[1] == BinaryLayout.magic.1 else { throw .badMagic }
        guard bytes[2] == Self.version else { throw .unsupportedVersion(bytes[2]) }
        guard bytes[3] == Self.kind else { throw .notAVoiceClip(kind: bytes[3]) }
        guard let codec = Codec(rawValue: bytes[28]) else { throw .unknownCodec(bytes[28]) }
        let id = bytes[12..<28]
        guard id.allSatisfy({ $0 < 0x80 }), let clipID = String(bytes: id, encoding: .ascii) else { throw .badClipID }
        self.init(
            cueID: Self.read(UInt64.self, bytes, at: 4), clipID: clipID, codec: codec, channels: bytes[29],
            sampleRate: Self.read(UInt32.self, bytes, at: 32), durationSamples: Self.read(UInt32.self, bytes, at: 36),
            payloadLength: Self.read(UInt32.self, bytes, at: 40))
        guard Int(payloadLength) == bytes.count - Self.size else {
            throw .lengthMismatch(declared: Int(payloadLength), actual: bytes.count - Self.size)
        }
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func read<T: FixedWidthInteger>(_ type: T.Type, _ bytes: [UInt8], at offset: Int) -> T {
        var value = T.zero
        for index in (0..<MemoryLayout<T>.size).reversed() { value = value << 8 | T(bytes[offset + index]) }
        return value
    }
}

/// Why a binary message is not a readable voice clip.
public enum VoiceClipHeaderError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooShort(Int)
    case badMagic
    case unsupportedVersion(UInt8)
    case notAVoiceClip(kind: UInt8)
    case unknownCodec(UInt8)
    case badClipID
    case lengthMismatch(declared: Int, actual: Int)

    /// Stable, machine-readable code.
    public var code: String {
        switch self {
        case .tooShort: "clip_too_short"
        case .badMagic: "clip_bad_magic"
        case .unsupportedVersion: "clip_unsupported_version"
        case .notAVoiceClip: "clip_wrong_kind"
        case .unknownCodec: "clip_unknown_codec"
        case .badClipID: "clip_bad_id"
        case .lengthMismatch: "clip_length_mismatch"
        }
    }

    public var description: String {
        switch self {
        case .tooShort(let count): "\(code): \(count) bytes, a voice clip header has \(VoiceClipHeader.size)"
        case .badMagic: "\(code): the message does not start with \"TB\""
        case .unsupportedVersion(let version): "\(code): version \(version), this client reads version \(VoiceClipHeader.version)"
        case .notAVoiceClip(let kind): "\(code): message kind \(kind), a voice clip is \(VoiceClipHeader.kind)"
        case .unknownCodec(let codec): "\(code): codec \(codec)"
        case .badClipID: "\(code): the clip id is not ASCII"
        case .lengthMismatch(let declared, let actual): "\(code): header says \(declared) payload bytes, message has \(actual)"
        }
    }
}
