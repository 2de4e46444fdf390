import Foundation
import FuzzSupport
import Voice

// An Ogg Opus file read back (OggOpusDecoder: Ogg pages and packets, OpusHead, libopus), as the
// Discord voice message measures a clip. Seeds: clips made by the product's own encoder.

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedWriter.runIfAsked { _ in
        // 60 ms, 250 ms and 1 s of a 440 Hz tone.
        try [2_880, 12_000, 48_000].map { count in
            let tone = (0..<count).map { Int16(8_000 * sin(Double($0) * 2 * .pi * 440 / 48_000)) }
            return try OggOpusEncoder.encode(tone, bitrate: 16_000).bytes
        }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    _ = try? OggOpusDecoder.decodeMono(input.array)
    return 0
}
