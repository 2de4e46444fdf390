/// A time as iRacing sends it, an integer count of 1/10000 s (`1055325` = 1:45.5325), with
/// -1 (or any negative) meaning "none".
///
/// Every time field in the models has this type, so the unit is converted here and nowhere else.
public struct IRacingDuration: Sendable, Hashable, Codable {
    /// The raw count of 1/10000 s, as sent.
    public let tenThousandths: Int

    public init(tenThousandths: Int) {
        self.tenThousandths = tenThousandths
    }

    /// Seconds, or nil when iRacing had no time (negative values).
    public var seconds: Double? {
        tenThousandths < 0 ? nil : Double(tenThousandths) / 10_000
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int.self) {
            tenThousandths = integer
        } else {
            // A few endpoints send a float count; anything else is "none".
            let value = (try? container.decode(Double.self)) ?? -1
            tenThousandths = value.isFinite && abs(value) < 1e15 ? Int(value) : -1
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(tenThousandths)
    }
}
