/// A league car number as iRacing has them: one to three ASCII digits, kept exactly as written.
///
/// Leading zeros make a different number ("007", "07" and "7" are three numbers in iRacing), so
/// the text is the identity: it is stored, compared and exported as written, never re-formatted.
/// `value` (the digits read as a number) is used only for the league's range and for sorting.
public struct CarNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let text: String

    /// Nil for anything but 1-3 ASCII digits (no sign, space, other scripts' digits or decimals).
    public init?(_ text: String) {
        guard (1...3).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        self.text = text
    }

    /// The digits' value, 0...999.
    public var value: Int { text.utf8.reduce(0) { $0 * 10 + Int($1 - 0x30) } }

    /// "07", "007", "00": a number iRacing tells apart from the same value without zeros.
    public var hasLeadingZero: Bool { text.utf8.count > 1 && text.utf8.first == 0x30 }

    /// The same value written without leading zeros ("007" -> "7").
    public var withoutLeadingZeros: CarNumber { CarNumber(String(value)) ?? self }

    public var description: String { text }

    /// By value, then shorter first: 7, 07, 007, 8.
    public static func < (lhs: CarNumber, rhs: CarNumber) -> Bool {
        (lhs.value, lhs.text.utf8.count) < (rhs.value, rhs.text.utf8.count)
    }
}
