import Foundation

/// Small helpers for writing JSON by hand where key order and number rounding matter.
enum JSONText {
    /// `value` rounded to `decimals` decimal places, without a trailing ".0" for integers.
    /// Dividing by a power of ten gives the double nearest the decimal, so it prints short
    /// (12.3456, not 12.345600000000001). Non-finite values print as `null`, which readers refuse.
    static func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        let scale = pow(10, Double(decimals))
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return "\(rounded)"
    }

    static func array(_ values: [Float], decimals: Int) -> String {
        "[" + values.map { number(Double($0), decimals: decimals) }.joined(separator: ",") + "]"
    }

    /// An `Encodable` value as compact JSON with sorted keys (stable across runs).
    static func object(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "not JSON" : "bad value at \(path(context.codingPath))"
        default:
            "unreadable"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
