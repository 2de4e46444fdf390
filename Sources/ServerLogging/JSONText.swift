/// JSON string escaping (RFC 8259): quotes, backslashes and control characters; everything
/// else, including non-ASCII text, is written as UTF-8. The result is a valid TOML basic string
/// too, which is how `trailbrake config check` prints string values.
public enum JSONText {
    /// `text` as a quoted string literal.
    public static func quoted(_ text: String) -> String {
        var out = ""
        appendString(text, to: &out)
        return out
    }

    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:  // DEL too, as TOML requires
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
