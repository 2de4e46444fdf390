import NIOCore

/// Writes compact JSON straight into a `ByteBuffer`, for the few server messages sent several
/// times a second per driver (`ack`, `delta`, `cue`).
///
/// `JSONEncoder` costs microseconds and several allocations per message (a keyed container per
/// object, snake_case conversion of every key, a `Data` and then a `String` copy); at thousands
/// of drivers that was a large share of the server's CPU. The output is the object
/// `ServerMessage.makeEncoder()` writes for the same values (tests compare them; only the key
/// order differs, the encoder's being hash order on Linux, the protocol's here), with the same escaping (`"`, `\`, `/` and control characters; other characters as UTF-8) and the
/// same numbers (Swift's shortest round-trip form, with an integral value's `.0` dropped).
struct JSONTextWriter {
    /// A non-finite double: JSON has no spelling for it, and `JSONEncoder` refuses it too.
    struct NonFiniteNumber: Error {}

    private(set) var buffer: ByteBuffer
    /// Whether the next member of the current object needs a comma before it.
    private var needsComma = false

    init(capacity: Int = 256) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    mutating func beginObject() {
        buffer.writeInteger(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        buffer.writeInteger(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes `"key":`; the keys are the protocol's own ASCII names, so they are written as given.
    mutating func key(_ name: StaticString) {
        if needsComma { buffer.writeInteger(UInt8(ascii: ",")) }
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeStaticString(name)
        buffer.writeStaticString("\":")
        needsComma = true
    }

    mutating func null() { buffer.writeStaticString("null") }

    mutating func bool(_ value: Bool) { buffer.writeStaticString(value ? "true" : "false") }

    mutating func integer<Value: BinaryInteger>(_ value: Value) {
        if value < 0 {
            buffer.writeInteger(UInt8(ascii: "-"))
            // The magnitude of `Int.min` does not fit an `Int`; it fits its `Magnitude` type.
            writeDigits(UInt64(value.magnitude))
        } else {
            writeDigits(UInt64(value))
        }
    }

    /// Swift's shortest round-trip spelling, as `JSONEncoder` writes it (`12.0` as `12`).
    mutating func number(_ value: Double) throws(NonFiniteNumber) {
        guard value.isFinite else { throw NonFiniteNumber() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        buffer.writeString(text)
    }

    mutating func string(_ value: String) {
        buffer.writeInteger(UInt8(ascii: "\""))
        var clean = value.utf8.startIndex
        for index in value.utf8.indices {
            let byte = value.utf8[index]
            guard let escape = Self.escape(byte) else { continue }
            buffer.writeBytes(value.utf8[clean..<index])
            writeEscape(escape, byte: byte)
            clean = value.utf8.index(after: index)
        }
        buffer.writeBytes(value.utf8[clean...])
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    private enum Escape {
        /// A two-character escape such as `\n`.
        case short(UInt8)
        /// `\u00XX`, for control characters without a short form.
        case unicode
    }

    private static func escape(_ byte: UInt8) -> Escape? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): .short(byte)
        case 0x08: .short(UInt8(ascii: "b"))
        case 0x09: .short(UInt8(ascii: "t"))
        case 0x0A: .short(UInt8(ascii: "n"))
        case 0x0C: .short(UInt8(ascii: "f"))
        case 0x0D: .short(UInt8(ascii: "r"))
        case ..<0x20: .unicode
        default: nil
        }
    }

    private mutating func writeEscape(_ escape: Escape, byte: UInt8) {
        buffer.writeInteger(UInt8(ascii: "\\"))
        switch escape {
        case .short(let letter):
            buffer.writeInteger(letter)
        case .unicode:
            let hex: StaticString = "0123456789abcdef"
            buffer.writeStaticString("u00")
            hex.withUTF8Buffer { digits in
                buffer.writeInteger(digits[Int(byte >> 4)])
                buffer.writeInteger(digits[Int(byte & 0x0F)])
            }
        }
    }

    private mutating func writeDigits(_ value: UInt64) {
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { bytes in
            var remaining = value
            for position in stride(from: count - 1, through: 0, by: -1) {
                bytes[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
            return count
        }
    }
}
