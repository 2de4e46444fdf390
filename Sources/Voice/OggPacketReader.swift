/// Splits an Ogg file into its packets (RFC 3533): pages start with `OggS`, and a packet
/// continues across lacing values of 255, even across pages. Malformed input throws.
public enum OggPacketReader {
    public static func packets(in bytes: [UInt8]) throws(VoiceError) -> [[UInt8]] {
        var packets: [[UInt8]] = []
        var partial: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            guard bytes.count - offset >= 27, bytes[offset..<offset + 4].elementsEqual("OggS".utf8) else {
                throw .malformedClip("not an Ogg page at byte \(offset)")
            }
            let segmentCount = Int(bytes[offset + 26])
            let tableStart = offset + 27
            guard bytes.count - tableStart >= segmentCount else { throw .malformedClip("truncated Ogg page") }
            let lacing = bytes[tableStart..<tableStart + segmentCount]
            var dataOffset = tableStart + segmentCount
            for length in lacing.map(Int.init) {
                guard bytes.count - dataOffset >= length else { throw .malformedClip("truncated Ogg segment") }
                partial.append(contentsOf: bytes[dataOffset..<dataOffset + length])
                dataOffset += length
                if length < 255 {
                    packets.append(partial)
                    partial = []
                }
            }
            offset = dataOffset
        }
        return packets
    }
}
