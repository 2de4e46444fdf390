/// One row copied out of a rotating buffer, with the sim tick it was written at.
public struct LiveRow: Sendable {
    public let tickCount: Int32
    /// `bufLen` bytes; every variable of the reader's layout lies inside (checked on open).
    let bytes: [UInt8]

    /// The value of `variable` (element `element` of an array), widened to Double like
    /// `IBTFile.value(of:row:element:)`; nil when the element is out of range.
    public func value(of variable: IBTVariable, element: Int = 0) -> Double? {
        guard (0..<variable.count).contains(element) else { return nil }
        return bytes.withUnsafeBytes { IBTRowReader(bytes: $0, rowStart: 0).number(variable, element: element) }
    }
}
