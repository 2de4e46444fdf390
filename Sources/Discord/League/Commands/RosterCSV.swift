import Foundation

/// CSV as RFC 4180 writes it: CRLF line ends, a field in double quotes when it holds a comma, a
/// quote, CR or LF, and a quote inside doubled. Text that a spreadsheet would run as a formula
/// (a field starting with =, +, -, @, tab or CR, which names from Discord or iRacing may) gets a
/// leading apostrophe, so opening the file never runs anything.
enum RosterCSV {
    static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
