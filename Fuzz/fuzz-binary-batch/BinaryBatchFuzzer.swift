import FuzzSupport
import Telemetry

// The live path's binary frame batch (BinaryFrameBatchCodec), as a client's socket delivers it:
// decode, then validate as the server does. A batch that decodes must survive an encode/decode
// round trip unchanged (after the decoder's one normalisation of pit and surface codes).

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedWriter.runIfAsked { sources in
        sources.seedBatches(perStream: 12).map { batch in
            BinaryFrameBatchCodec.encode(batch, channels: batch.frames[0].presentChannels)
        }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let batch = try? BinaryFrameBatchCodec.decode(input.bytes) else { return 0 }
    _ = try? FrameValidator.validate(batch, trackLength: 5_000)
    let channels = batch.frames[0].presentChannels
    let encoded = BinaryFrameBatchCodec.encode(batch, channels: channels)
    guard let again = try? BinaryFrameBatchCodec.decode(encoded) else {
        fatalError("a decoded batch re-encodes to a message the decoder refuses")
    }
    guard BinaryFrameBatchCodec.encode(again, channels: channels) == encoded else {
        fatalError("decode(encode(batch)) differs from batch")
    }
    return 0
}
