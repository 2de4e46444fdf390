import FuzzSupport
import Telemetry

// The server's binary voice-clip message as a client reads it (VoiceClipHeader): a header that
// parses must encode back to a message that parses to the same header.

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedWriter.runIfAsked { _ in
        let payloads: [[UInt8]] = [[], Array("OggS".utf8), [UInt8](repeating: 0x4F, count: 300)]
        return payloads.enumerated().compactMap { index, payload in
            let header = VoiceClipHeader(
                cueID: UInt64(index), clipID: "clip000000000000", sampleRate: 48_000, durationSamples: 4_800,
                payloadLength: UInt32(payload.count))
            return header.encoded().map { $0 + payload }
        }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let header = try? VoiceClipHeader(parsing: input.bytes) else { return 0 }
    _ = header.duration
    guard let encoded = header.encoded() else { fatalError("a parsed header has a clip id it cannot write") }
    guard (try? VoiceClipHeader(parsing: encoded + input.bytes.dropFirst(VoiceClipHeader.size))) == header else {
        fatalError("a parsed header does not survive encoded() and parsing")
    }
    return 0
}
