/// The grammar checks of `JSONScanner`: strings, numbers and skipping whole values.
extension JSONScanner {
    /// Skips one complete value of any kind, checking its syntax. Nesting is tracked with an
    /// explicit stack of container kinds rather than recursion.
    mutating func skipValue() throws(WireError) {
        var open: [UInt8] = []  // "{" or "[" for each container not yet closed
        var expectValue = true
        while true {
            if expectValue {
                guard let byte = peek() else { throw syntax("unexpected end of input") }
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    position += 1
                    open.append(byte)
                    let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if consumeIf(close) { open.removeLast(); expectValue = false; break }
                    if byte == UInt8(ascii: "{") { try skipKey() }
                    continue
                case UInt8(ascii: "\""): _ = try scanString()
                case UInt8(ascii: "t"): try readLiteral("true")
                case UInt8(ascii: "f"): try readLiteral("false")
                case UInt8(ascii: "n"): try readLiteral("null")
                default: try scanNumber()
                }
                expectValue = false
            }
            guard let container = open.last else { return }
            if consumeIf(UInt8(ascii: ",")) {
                if container == UInt8(ascii: "{") { try skipKey() }
                expectValue = true
            } else {
                try consume(container == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                open.removeLast()
            }
        }
    }

    private mutating func skipKey() throws(WireError) {
        _ = try scanString()
        try consume(UInt8(ascii: ":"))
    }

    static let escapeKinds: Set<UInt8> = Set("\"\\/bfnrtu".utf8)

    /// Moves past a string; returns its content range and whether it holds escapes.
    mutating func scanString() throws(WireError) -> (start: Int, end: Int, escaped: Bool) {
        try consume(UInt8(ascii: "\""))
        let start = position
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return (start, position - 1, escaped)
            case UInt8(ascii: "\\"):
                escaped = true
                guard position + 1 < bytes.count, Self.escapeKinds.contains(bytes[position + 1]) else {
                    throw syntax("unknown escape")
                }
                position += 2  // \uXXXX digits are checked when the string is decoded
            case 0x00..<0x20:
                throw syntax("control character in string")
            default:
                position += 1
            }
        }
        throw syntax("unterminated string")
    }

    /// Moves past a number, enforcing `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    mutating func scanNumber() throws(WireError) {
        skipWhitespace()
        func digit() -> Bool { position < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) }
        func digits() throws(WireError) {
            guard digit() else { throw syntax("expected a digit") }
            while digit() { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            try digits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            try digits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            try digits()
        }
    }

    private static let simpleEscapes: [UInt8: Unicode.Scalar] = [
        UInt8(ascii: "\""): "\"", UInt8(ascii: "\\"): "\\", UInt8(ascii: "/"): "/", UInt8(ascii: "b"): "\u{08}",
        UInt8(ascii: "f"): "\u{0C}", UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
    ]

    /// Decodes the escapes of a string's raw content (`\" \\ \/ \b \f \n \r \t \uXXXX`).
    func unescape(_ raw: UnsafeRawBufferPointer) throws(WireError) -> String {
        var scalars = String.UnicodeScalarView()
        var utf8 = raw.makeIterator()
        var pendingBytes: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: pendingBytes, as: UTF8.self).unicodeScalars)
            pendingBytes.removeAll()
        }
        var highSurrogate: UInt32?
        while let byte = utf8.next() {
            guard byte == UInt8(ascii: "\\") else { pendingBytes.append(byte); continue }
            flush()
            guard let kind = utf8.next() else { throw syntax("unterminated escape") }
            if let scalar = Self.simpleEscapes[kind] { scalars.append(scalar); continue }
            guard kind == UInt8(ascii: "u") else { throw syntax("unknown escape") }
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let hex = utf8.next(), let value = UInt32(String(UnicodeScalar(hex)), radix: 16) else {
                    throw syntax("bad \\u escape")
                }
                code = code << 4 | value
            }
            if (0xD800...0xDBFF).contains(code) { highSurrogate = code; continue }
            if (0xDC00...0xDFFF).contains(code), let high = highSurrogate {
                code = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
            }
            highSurrogate = nil
            scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        }
        flush()
        return String(scalars)
    }
}
