/// The current-gear nibble at 0x90 in the protocol's terms (-1 reverse, 0 neutral, 1...n).
///
/// 1...14 are forward gears in every source. Reverse and neutral are unverified (§1.6, §7.5 of
/// sim-telemetry-udp.md): zetetos' Kaitai file reads 0 as reverse and 15 as neutral, which is
/// also how the suggested-gear nibble spells "none"; that reading is taken here.
public enum GT7Gear {
    public static func protocolGear(nibble: UInt8) -> Int8 {
        switch nibble & 0x0F {
        case 0: -1
        case 15: 0
        case let gear: Int8(gear)
        }
    }

    /// The nibble a console sends for a protocol gear (the fakes).
    public static func nibble(protocolGear gear: Int8) -> UInt8 {
        switch gear {
        case ..<0: 0
        case 0: 15
        default: UInt8(min(Int(gear), 14))
        }
    }
}
