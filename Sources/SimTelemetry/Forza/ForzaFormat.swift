/// Forza "Data Out" formats, told apart by datagram length (§3.2 of sim-telemetry-udp.md).
public enum ForzaFormat: String, Sendable, CaseIterable {
    /// 232 bytes: FM7 / FM2023 "Sled", physics only: no lap, pedals or position.
    case sled
    /// 311 bytes: FM7 "Car Dash".
    case motorsport7Dash
    /// 324 bytes: FH4 / FH5 / FH6: 12 Horizon bytes at 232, the dash block at 244.
    case horizonDash
    /// 331 bytes: FM 2023 "Dash": the dash block at 232, tyre wear and track ordinal at 311.
    case motorsport2023Dash

    public var length: Int {
        switch self {
        case .sled: 232
        case .motorsport7Dash: 311
        case .horizonDash: 324
        case .motorsport2023Dash: 331
        }
    }

    /// Where the dash block (PositionX) starts; nil for Sled.
    var dashOffset: Int? {
        switch self {
        case .sled: nil
        case .motorsport7Dash, .motorsport2023Dash: 232
        case .horizonDash: 244
        }
    }

    public init?(datagramLength: Int) {
        guard let match = Self.allCases.first(where: { $0.length == datagramLength }) else { return nil }
        self = match
    }

    public static var acceptedLengths: [Int] { allCases.map(\.length) }
}
