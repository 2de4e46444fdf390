/// Constants of the binary frame-batch layout, version 1 (docs/protocol.md, "Binary layout").
enum BinaryLayout {
    static let magic: (UInt8, UInt8) = (0x54, 0x42)  // "TB"
    static let version: UInt8 = 1
    static let frameBatchKind: UInt8 = 1
    static let headerSize = 20

    /// Byte size of each channel on the wire, indexed by its bit in `ChannelMask`.
    static let channelSizes: [Int] = [
        8,  // 0 session time f64
        4,  // 1 lap number i32
        4,  // 2 lap distance f32
        4,  // 3 lap distance fraction f32
        4,  // 4 speed f32
        4,  // 5 throttle f32
        4,  // 6 brake f32
        4,  // 7 clutch f32
        4,  // 8 steering f32
        1,  // 9 gear i8
        4,  // 10 rpm f32
        4,  // 11 lateral acceleration f32
        4,  // 12 longitudinal acceleration f32
        4,  // 13 yaw rate f32
        8,  // 14 latitude f64
        8,  // 15 longitude f64
        1,  // 16 on pit road u8
        1,  // 17 track surface i8
    ]

    /// Bytes of one frame carrying exactly the channels in `mask` (bits outside `.all` ignored).
    static func stride(for mask: ChannelMask) -> Int {
        var total = 0
        for bit in 0..<channelSizes.count where mask.rawValue & (1 << UInt32(bit)) != 0 {
            total += channelSizes[bit]
        }
        return total
    }
}
