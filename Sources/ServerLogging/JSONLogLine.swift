import Foundation
import Logging

/// One log event as a line of JSON. Keys come in a fixed order so that lines read well in a
/// terminal too; every string goes through `SecretRedaction` and JSON escaping.
struct JSONLogLine {
    let level: Logger.Level
    let label: String
    let message: String
    let metadata: Logger.Metadata
    let source: String
    let error: String?
    var date = Date()

    func encoded() -> String {
        var out = "{\"timestamp\":"
        JSONText.appendString(Self.timestamp(date), to: &out)
        out += ",\"level\":"
        JSONText.appendString(level.rawValue, to: &out)
        out += ",\"label\":"
        JSONText.appendString(label, to: &out)
        out += ",\"message\":"
        JSONText.appendString(SecretRedaction.scrub(message), to: &out)
        if !metadata.isEmpty {
            out += ",\"metadata\":"
            Self.append(.dictionary(metadata), to: &out)
        }
        out += ",\"source\":"
        JSONText.appendString(source, to: &out)
        if let error {
            out += ",\"error\":"
            JSONText.appendString(SecretRedaction.scrub(error), to: &out)
        }
        out += "}\n"
        return out
    }

    /// Metadata as JSON: strings as strings, lists as arrays, dictionaries as objects (sorted
    /// keys), a value under a secret-looking key as `"[redacted]"`.
    static func append(_ value: Logger.MetadataValue, key: String? = nil, to out: inout String) {
        if let key, SecretRedaction.isSecretKey(key) {
            JSONText.appendString(SecretRedaction.placeholder, to: &out)
            return
        }
        switch value {
        case .string(let text): JSONText.appendString(SecretRedaction.scrub(text), to: &out)
        case .stringConvertible(let convertible): JSONText.appendString(SecretRedaction.scrub(convertible.description), to: &out)
        case .array(let values):
            out += "["
            for (index, element) in values.enumerated() {
                if index > 0 { out += "," }
                append(element, to: &out)
            }
            out += "]"
        case .dictionary(let entries):
            out += "{"
            for (index, entryKey) in entries.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                JSONText.appendString(entryKey, to: &out)
                out += ":"
                append(entries[entryKey] ?? .string(""), key: entryKey, to: &out)
            }
            out += "}"
        }
    }

    /// RFC 3339 in UTC with milliseconds, e.g. `2026-12-05T01:02:03.456Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
