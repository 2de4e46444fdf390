import Foundation
import FuzzSupport
import Telemetry

// A client's text message (ClientMessage.decode): the JSON scanner for `frames`, JSONDecoder
// and Hello's checks for `hello`. What decodes must survive the client's own encoding: a hello
// comes back equal; a batch whose values are all finite decodes again with the same shape.

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    SeedWriter.runIfAsked { sources in
        let batches = sources.seedBatches(perStream: 6).map { Array($0.jsonText().utf8) }
        let hellos = sources.sharedFiles(in: "telemetry", endingWith: ".ibt").compactMap { url -> [UInt8]? in
            guard let session = try? IBTFile(contentsOf: url).sessionInfo.sessionDescriptor else { return nil }
            return Array(ClientMessage.encodeJSON(.hello(Hello(session: session, voice: true, codec: .json))))
        }
        return batches + hellos
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let message = try? ClientMessage.decode(json: input.bytes) else { return 0 }
    let encoded = ClientMessage.encodeJSON(message)
    switch message {
    case .hello:
        guard (try? ClientMessage.decode(json: encoded)) == message else {
            fatalError("a decoded hello does not survive encodeJSON and decode")
        }
    case .frames(let batch):
        _ = try? FrameValidator.validate(batch, trackLength: 5_000)
        guard batch.frames.allSatisfy(allPresentValuesFinite) else { return 0 }
        guard case .frames(let again)? = try? ClientMessage.decode(json: encoded),
              again.sequence == batch.sequence, again.frames.count == batch.frames.count,
              zip(again.frames, batch.frames).allSatisfy({ $0.presentChannels == $1.presentChannels })
        else { fatalError("a decoded batch does not survive encodeJSON and decode") }
    }
    return 0
}

/// Non-finite values are written as `null`, which the decoder refuses by design.
private func allPresentValuesFinite(_ frame: TelemetryFrame) -> Bool {
    let values: [(ChannelMask, Double)] = [
        (.sessionTime, frame.sessionTime), (.lapDistance, Double(frame.lapDistance)),
        (.lapDistanceFraction, Double(frame.lapDistanceFraction)), (.speed, Double(frame.speed)),
        (.throttle, Double(frame.throttle)), (.brake, Double(frame.brake)), (.clutch, Double(frame.clutch)),
        (.steering, Double(frame.steering)), (.rpm, Double(frame.rpm)),
        (.lateralAcceleration, Double(frame.lateralAcceleration)),
        (.longitudinalAcceleration, Double(frame.longitudinalAcceleration)), (.yawRate, Double(frame.yawRate)),
        (.latitude, frame.latitude), (.longitude, frame.longitude),
    ]
    return values.allSatisfy { !frame.presentChannels.contains($0.0) || $0.1.isFinite }
}
