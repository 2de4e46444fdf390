extension FrameBatch {
    /// The channels every frame of the batch has: the mask to encode it with, since a binary
    /// batch has one mask for all its frames and a channel sent as NaN is refused.
    public var commonChannels: ChannelMask {
        frames.reduce(ChannelMask.all) { $0.intersection($1.presentChannels) }
    }
}

extension BinaryFrameBatchCodec {
    /// Encodes a batch with the channels all its frames have (`commonChannels`).
    public static func encode(_ batch: FrameBatch) -> [UInt8] {
        encode(batch, channels: batch.commonChannels)
    }
}
