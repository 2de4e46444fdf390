/// The four GT7 packet variants, each a superset of the one before
/// (docs: ../shared/reference/sim-telemetry-udp.md §1.3, "Packet variants").
///
/// The heartbeat letter asks for a variant, but the console keeps the variant of the first
/// heartbeat it heard while it streams (another app on the LAN can force "A"), so a receiver
/// picks the variant, and with it the nonce mask, from the datagram's length (§1.2, §1.13).
public enum GT7PacketVariant: String, Sendable, CaseIterable {
    /// 296 bytes: the base layout (§1.6).
    case a
    /// 316 bytes: A + steering wheel angle and body accelerations (§1.9).
    case b
    /// 344 bytes: B + a second tap of the pedals, energy recovery (§1.10).
    case tilde
    /// 368 bytes: ~ + tyre surfaces, the live lap timer, wheel angles, car category (§1.11).
    case c

    /// Datagram length in bytes.
    public var length: Int {
        switch self {
        case .a: 296
        case .b: 316
        case .tilde: 344
        case .c: 368
        }
    }

    /// The one-byte heartbeat that asks the console for this variant.
    public var heartbeat: UInt8 {
        switch self {
        case .a: 0x41  // "A"
        case .b: 0x42  // "B"
        case .tilde: 0x7E  // "~"
        case .c: 0x43  // "C"
        }
    }

    /// XORed into the seed to make the first nonce word (§1.3). Note A's 0xDEADBEAF (…EAF).
    public var nonceMask: UInt32 {
        switch self {
        case .a: 0xDEAD_BEAF
        case .b, .c: 0xDEAD_BEEF
        case .tilde: 0x55FA_BB4F
        }
    }

    /// The variant a datagram of this length is, or nil.
    public init?(datagramLength: Int) {
        guard let match = Self.allCases.first(where: { $0.length == datagramLength }) else { return nil }
        self = match
    }

    /// The variant a heartbeat letter names ("A", "B", "~", "C"), or nil.
    public init?(letter: String) {
        guard let match = Self.allCases.first(where: { String(UnicodeScalar($0.heartbeat)) == letter }) else { return nil }
        self = match
    }

    public var letter: String { String(UnicodeScalar(heartbeat)) }

    public static var acceptedLengths: [Int] { allCases.map(\.length) }
}
