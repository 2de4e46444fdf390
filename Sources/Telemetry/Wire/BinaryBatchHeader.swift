/// The checked 20-byte header of a binary frame batch. Creating one proves that the message
/// holds exactly `frameCount` frames of `stride` bytes after the header.
struct BinaryBatchHeader {
    let channels: ChannelMask
    let sequence: UInt64
    let frameCount: Int
    let stride: Int

    init(_ bytes: UnsafeRawBufferPointer) throws(WireError) {
        guard bytes.count >= BinaryLayout.headerSize else {
            throw WireError(.badBinaryHeader, "message is \(bytes.count) bytes, shorter than the \(BinaryLayout.headerSize)-byte header")
        }
        var reader = LittleEndianReader(bytes: bytes, offset: 0)
        let magic = (reader.uint8(), reader.uint8())
        guard magic == BinaryLayout.magic else {
            throw WireError(.badBinaryHeader, "wrong magic \(hex(magic.0)) \(hex(magic.1)), expected 54 42 (\"TB\")")
        }
        let version = reader.uint8()
        guard version == BinaryLayout.version else {
            throw WireError(.badBinaryHeader, "unsupported layout version \(version), expected \(BinaryLayout.version)")
        }
        let kind = reader.uint8()
        guard kind == BinaryLayout.frameBatchKind else {
            throw WireError(.badBinaryHeader, "unknown message kind \(kind), expected \(BinaryLayout.frameBatchKind) (frame batch)")
        }
        let mask = ChannelMask(rawValue: reader.uint32())
        let unknown = mask.subtracting(.all)
        guard unknown.isEmpty else {
            throw WireError(.badChannelMask, "channel mask \(hex32(mask.rawValue)) sets unknown bits \(hex32(unknown.rawValue))")
        }
        let missing = ChannelMask.required.subtracting(mask)
        guard missing.isEmpty else {
            throw WireError(.badChannelMask, "channel mask \(hex32(mask.rawValue)) lacks required channels \(hex32(missing.rawValue))")
        }
        sequence = reader.uint64()
        frameCount = Int(reader.uint16())
        guard (1...FrameBatch.maximumFrameCount).contains(frameCount) else {
            throw WireError(.badFrameCount, "batch holds \(frameCount) frames; 1 to \(FrameBatch.maximumFrameCount) allowed")
        }
        let declaredStride = Int(reader.uint16())
        stride = BinaryLayout.stride(for: mask)
        guard declaredStride == stride else {
            throw WireError(.badBinaryHeader, "bytes per frame is \(declaredStride), but mask \(hex32(mask.rawValue)) implies \(stride)")
        }
        channels = mask
        let expectedLength = BinaryLayout.headerSize + frameCount * stride
        guard bytes.count == expectedLength else {
            throw WireError(.badBinaryHeader, "message is \(bytes.count) bytes; \(frameCount) frames of \(stride) bytes need exactly \(expectedLength)")
        }
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16)
    return digits.count == 1 ? "0" + digits : digits
}

private func hex32(_ value: UInt32) -> String { "0x" + String(value, radix: 16) }
