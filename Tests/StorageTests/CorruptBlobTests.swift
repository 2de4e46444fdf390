import Foundation
import Telemetry
import Testing

@testable import Storage

@Suite struct CorruptBlobTests {
    static let blob = LapTelemetryCodec.encode(SyntheticLap.frames(count: 200))
    /// What the undamaged blob decodes to (quantised, so not the synthetic frames themselves).
    static let intact = try? LapTelemetryCodec.decode(blob)

    /// A damaged blob must throw `corruptBlob`, or, when the damage did not change the content
    /// (a flipped bit deflate never reads), decode to exactly the original frames: never to
    /// different data.
    func expectCorrupt(_ data: Data, _ comment: Comment, unlessIntact: Bool = false) {
        do {
            let decoded = try LapTelemetryCodec.decode(data)
            if !(unlessIntact && decoded == Self.intact) { Issue.record("decoded a damaged blob: \(comment)") }
        } catch {
            guard case .corruptBlob(let message) = error else {
                Issue.record("wrong error \(error) for \(comment)")
                return
            }
            #expect(!message.isEmpty)
        }
    }

    @Test func everyTruncationIsRejected() {
        for length in 0..<Self.blob.count {
            expectCorrupt(Self.blob.prefix(length), "truncated to \(length) bytes")
        }
    }

    @Test func everySingleByteCorruptionIsRejected() throws {
        try #require(Self.intact != nil)
        for index in 0..<Self.blob.count {
            var damaged = Self.blob
            damaged[damaged.startIndex + index] ^= 0x5A
            expectCorrupt(damaged, "byte \(index) flipped", unlessIntact: true)
        }
    }

    @Test func trailingGarbageIsRejected() {
        expectCorrupt(Self.blob + Data([1, 2, 3]), "trailing bytes")
    }

    @Test func hostileHeaderCannotDemandHugeAllocations() {
        var writer = ByteWriter()
        writer.append(Array("TBLT".utf8))
        writer.append(1)
        writer.append(1)
        writer.appendLittleEndian(ChannelMask.required.rawValue)
        writer.appendLittleEndian(UInt32.max)  // frame count
        writer.appendLittleEndian(UInt32.max)  // payload length
        expectCorrupt(Data(writer.bytes), "huge counts")
    }

    @Test func notABlobAtAll() {
        expectCorrupt(Data("hello, this is not telemetry at all".utf8), "text")
        expectCorrupt(Data(), "empty")
    }

    @Test func outOfRangeIntegerChannelIsRejected() throws {
        // A well-formed envelope whose gear column holds 300 (not an Int8).
        var frames = SyntheticLap.frames(count: 3)
        frames[1].gear = 4
        var payload = ByteWriter()
        IntegerColumn.write(frames.map { Int64($0.presentChannels.rawValue) }, into: &payload)
        for channel in StoredChannel.allCases {
            switch channel.representation {
            case .real(let step): RealColumn.write(frames.map { channel.realValue(in: $0) }, step: step, into: &payload)
            case .integer:
                let values = frames.map { channel == .gear ? 300 : channel.integerValue(in: $0) }
                IntegerColumn.write(values, into: &payload)
            }
        }
        let envelope = BlobEnvelope(flags: ChannelMask.all.rawValue, count: 3, payload: payload.bytes)
        expectCorrupt(envelope.seal(as: LapTelemetryCodec.kind, compressionLevel: 1), "gear 300")
    }
}
