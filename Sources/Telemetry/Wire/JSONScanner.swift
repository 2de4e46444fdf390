import Foundation

/// A strict, allocation-light JSON reader over raw UTF-8 bytes, for the live `frames` message.
///
/// Foundation's JSON decoders cost tens of microseconds per frame on Linux; this reads a
/// 120-frame batch without building any intermediate tree. It checks the full RFC 8259 grammar
/// (`skipValue`), never recurses (nesting depth cannot exhaust the stack), and never reads past
/// the buffer. Every syntax problem is `malformed_json` naming the byte offset.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { position >= bytes.count }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The next non-whitespace byte, not consumed.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    mutating func consume(_ byte: UInt8) throws(WireError) {
        guard peek() == byte else { throw syntax("expected '\(Character(Unicode.Scalar(byte)))'") }
        position += 1
    }

    /// Consumes `byte` if it is next.
    mutating func consumeIf(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    func syntax(_ problem: String) -> WireError {
        WireError(.malformedJSON, "invalid JSON at byte \(position): \(problem)")
    }

    // MARK: Scalars

    /// Reads a string without decoding it: the raw bytes between the quotes and whether they
    /// hold escapes. For matching known keys without creating a String.
    mutating func readRawString() throws(WireError) -> (raw: UnsafeRawBufferPointer, escaped: Bool) {
        let (start, end, escaped) = try scanString()
        return (UnsafeRawBufferPointer(rebasing: bytes[start..<end]), escaped)
    }

    /// Reads a string, decoding escapes. Short strings (keys) stay inline, without allocation.
    mutating func readString() throws(WireError) -> String {
        let (start, end, escaped) = try scanString()
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        return escaped ? try unescape(raw) : String(decoding: raw, as: UTF8.self)
    }

    /// Reads a number literal. `integerLiteral` is its text when it has no fraction or exponent,
    /// for callers that need integers beyond Double's 53 exact bits (sequence numbers).
    mutating func readNumber() throws(WireError) -> (value: Double, integerLiteral: String?) {
        skipWhitespace()
        let start = position
        try scanNumber()
        let literal = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
        let isInteger = !literal.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        return (Self.parseDouble(literal), isInteger ? String(decoding: literal, as: UTF8.self) : nil)
    }

    mutating func readLiteral(_ word: StaticString) throws(WireError) {
        skipWhitespace()
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
              word.withUTF8Buffer({ $0.elementsEqual(bytes[position..<(position + count)]) }) else {
            throw syntax("unknown literal")
        }
        position += count
    }

    /// Exact powers of ten: every one up to 1e22 is representable in a Double.
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// Clinger's fast path: a decimal with at most 15 significant digits and at most 22
    /// fraction digits is one exactly representable integer divided by one exact power of ten,
    /// so a single IEEE division gives the correctly rounded result. Telemetry values always
    /// take it; anything else (exponents, long mantissas) goes to strtod.
    static func parseDouble(_ literal: UnsafeRawBufferPointer) -> Double {
        var mantissa: Int64 = 0
        var digitCount = 0
        var fractionDigits = 0
        var inFraction = false
        var negative = false
        for byte in literal {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if mantissa == 0 && byte == UInt8(ascii: "0") && !inFraction { continue }
                mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
                if mantissa != 0 { digitCount += 1 }
                if inFraction { fractionDigits += 1 }
                if digitCount > 15 || fractionDigits > 22 { return parseWithStrtod(literal) }
            default:
                return parseWithStrtod(literal)  // exponent
            }
        }
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    /// strtod on a NUL-terminated stack copy: correctly rounded, and never reads past `literal`.
    private static func parseWithStrtod(_ literal: UnsafeRawBufferPointer) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: literal.count + 1) { buffer in
            for index in 0..<literal.count { buffer[index] = CChar(bitPattern: literal[index]) }
            buffer[literal.count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }
}
