import Testing
@testable import Telemetry

@Suite struct BinaryFrameBatchCodecTests {
    static let masks: [ChannelMask] = [
        .required,
        .all,
        ChannelMask.required.union([.lapDistanceFraction, .steering, .rpm]),
        ChannelMask.required.union([.latitude, .longitude, .onPitRoad]),
        ChannelMask.required.union([.clutch, .lateralAcceleration, .longitudinalAcceleration, .yawRate, .trackSurface]),
    ]

    @Test(arguments: masks)
    func roundTripKeepsEveryPresentChannel(mask: ChannelMask) throws {
        let batch = SampleFrames.batch(count: 60, channels: mask, sequence: 41)
        let bytes = BinaryFrameBatchCodec.encode(batch, channels: mask)
        #expect(bytes.count == 20 + 60 * BinaryFrameBatchCodec.frameStride(for: mask))
        let decoded = try BinaryFrameBatchCodec.decode(bytes)
        #expect(decoded == batch)
        #expect(decoded.frames.allSatisfy { $0.presentChannels == mask })
    }

    @Test func absentChannelsGetNeutralValues() throws {
        let decoded = try BinaryFrameBatchCodec.decode(BinaryFrameBatchCodec.encode(SampleFrames.batch(count: 1, channels: .all), channels: .required))
        let frame = try #require(decoded.frames.first)
        #expect(frame.rpm.isNaN && frame.clutch.isNaN && frame.steering.isNaN && frame.latitude.isNaN)
        #expect(frame.trackSurface == .onTrack)
        #expect(frame.onPitRoad == false)
        #expect(frame.presentChannels == .required)
    }

    @Test func stridesMatchTheProtocolDocument() {
        #expect(BinaryFrameBatchCodec.frameStride(for: .required) == 29)
        // The channel table sums to 75 for all 18 channels (two f64 positions, one f64 time,
        // 12 four-byte channels, three one-byte ones); the prose "68" in protocol.md is a slip.
        #expect(BinaryFrameBatchCodec.frameStride(for: .all) == 3 * 8 + 12 * 4 + 3 * 1)
    }

    /// The hex example in docs/protocol.md: one frame, required channels, sequence 7.
    @Test func headerMatchesTheDocumentedExample() {
        let bytes = BinaryFrameBatchCodec.encode(SampleFrames.batch(count: 1, channels: .required), channels: .required)
        #expect(Array(bytes.prefix(20)) == [0x54, 0x42, 0x01, 0x01, 0x77, 0x02, 0x00, 0x00,
                                            0x07, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00, 0x1d, 0x00])
    }

    @Test func readsLittleEndianValuesAtUnalignedOffsets() throws {
        var bytes = BinaryFrameBatchCodec.encode(SampleFrames.batch(count: 1, channels: .required), channels: .required)
        // Session time (f64) at offset 20, lap (i32) at 28, speed (f32) at 36: written by hand.
        bytes.replaceSubrange(20..<28, with: withUnsafeBytes(of: (12.5).bitPattern.littleEndian, Array.init))
        bytes.replaceSubrange(28..<32, with: [0x02, 0x01, 0x00, 0x00])
        bytes.replaceSubrange(36..<40, with: withUnsafeBytes(of: Float(33.25).bitPattern.littleEndian, Array.init))
        let frame = try #require(try BinaryFrameBatchCodec.decode(bytes).frames.first)
        #expect(frame.sessionTime == 12.5)
        #expect(frame.lapNumber == 258)
        #expect(frame.speed == 33.25)
    }

    // MARK: Refusals

    private func encoded(count: Int = 2, channels: ChannelMask = .required) -> [UInt8] {
        BinaryFrameBatchCodec.encode(SampleFrames.batch(count: count, channels: .all), channels: channels)
    }

    private func code(_ bytes: [UInt8]) -> ProtocolErrorCode? {
        wireError { () throws(WireError) in _ = try BinaryFrameBatchCodec.decode(bytes) }?.code
    }

    @Test func refusesWrongMagicVersionAndKind() {
        var magic = encoded(); magic[1] = 0x43
        var version = encoded(); version[2] = 2
        var kind = encoded(); kind[3] = 2
        #expect(code(magic) == .badBinaryHeader)
        #expect(code(version) == .badBinaryHeader)
        #expect(code(kind) == .badBinaryHeader)
    }

    @Test func refusesLengthsThatDisagreeWithTheHeader() {
        #expect(code(Array(encoded().prefix(19))) == .badBinaryHeader)
        #expect(code([]) == .badBinaryHeader)
        #expect(code(Array(encoded().dropLast())) == .badBinaryHeader)
        #expect(code(encoded() + [0]) == .badBinaryHeader)
    }

    @Test func refusesAStrideThatDisagreesWithTheMask() {
        var bytes = encoded(count: 1)
        bytes[18] = 30  // 29 is right for the required mask
        bytes.append(0)  // keep the total length consistent with the wrong stride
        #expect(code(bytes) == .badBinaryHeader)
    }

    @Test func refusesUnknownMaskBits() {
        var bytes = encoded()
        bytes[6] |= 0x04  // bit 18
        #expect(code(bytes) == .badChannelMask)
        var high = encoded()
        high[7] = 0x80  // bit 31
        #expect(code(high) == .badChannelMask)
    }

    @Test(arguments: [ChannelMask.sessionTime, .lapNumber, .lapDistance, .speed, .throttle, .brake, .gear])
    func refusesAMaskMissingARequiredChannel(missing: ChannelMask) {
        #expect(code(encoded(channels: ChannelMask.all.subtracting(missing))) == .badChannelMask)
    }

    @Test func refusesZeroAnd121Frames() {
        #expect(code(encoded(count: 0)) == .badFrameCount)
        #expect(code(encoded(count: 121)) == .badFrameCount)
        #expect(code(encoded(count: 120)) == nil)
    }

    @Test func everyErrorCarriesAMessage() {
        var bytes = encoded(); bytes[0] = 0
        let error = wireError { () throws(WireError) in _ = try BinaryFrameBatchCodec.decode(bytes) }
        #expect(error?.message.contains("magic") == true)
    }
}

extension ChannelMask: CustomTestStringConvertible {
    public var testDescription: String { "0x" + String(rawValue, radix: 16) }
}
