import Foundation

/// Reads the 16-bit PCM `data` chunk of a RIFF/WAVE file (what `opusdec` writes).
public enum WAVReader {
    public struct Malformed: Error {}

    public static func monoSamples(_ file: Data) throws -> [Int16] {
        let bytes = [UInt8](file)
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else {
            throw Malformed()
        }
        var offset = 12
        var channels = 1
        while offset + 8 <= bytes.count {
            let id = bytes[offset..<offset + 4]
            let size = Int(littleEndian32(bytes, at: offset + 4))
            let body = offset + 8
            if id.elementsEqual("fmt ".utf8), body + 4 <= bytes.count {
                channels = Int(bytes[body + 2]) | Int(bytes[body + 3]) << 8
            }
            if id.elementsEqual("data".utf8) {
                // opusdec may leave the size open (streaming); then the data runs to the end.
                let end = min(bytes.count, size == 0 || size == 0xFFFF_FFFF ? bytes.count : body + size)
                var samples: [Int16] = []
                samples.reserveCapacity((end - body) / 2)
                var index = body
                while index + 1 < end {
                    samples.append(Int16(bitPattern: UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8))
                    index += 2 * channels
                }
                return samples
            }
            offset = body + size + (size & 1)
        }
        throw Malformed()
    }

    private static func littleEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }
}
