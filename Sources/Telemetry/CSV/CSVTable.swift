/// A quoting-free numeric CSV: a header of names, then lines of numbers or empty fields.
/// Line endings may be `\n` or `\r\n`; blank lines are skipped.
struct CSVTable {
    let columns: [String]
    private let lines: [(number: Int, text: Substring)]

    init(text: String) throws(CSVError) {
        // Split on bytes: Swift treats "\r\n" as one Character, so a Character split on "\n"
        // would miss Windows line endings.
        var numbered: [(Int, Substring)] = []
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        for (offset, raw) in text.utf8.split(separator: newline, omittingEmptySubsequences: false).enumerated() {
            let line = raw.last == carriageReturn ? Substring(raw.dropLast()) : Substring(raw)
            if !line.allSatisfy(\.isWhitespace) { numbered.append((offset + 1, line)) }
        }
        guard let header = numbered.first else { throw .empty }
        columns = header.1.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        lines = Array(numbered.dropFirst())
    }

    func index(of column: String) -> Int? { columns.firstIndex(of: column) }

    /// Calls `body` with each data line's fields parsed as numbers (nil for empty fields).
    func forEachRow(_ body: (_ line: Int, _ values: [Double?]) throws(CSVError) -> Void) throws(CSVError) {
        var values: [Double?] = Array(repeating: nil, count: columns.count)
        for (number, text) in lines {
            let fields = text.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(Substring.init)
            guard fields.count == columns.count else {
                throw .wrongFieldCount(line: number, expected: columns.count, found: fields.count)
            }
            for (column, field) in fields.enumerated() {
                values[column] = try Self.number(field, line: number, column: columns[column])
            }
            try body(number, values)
        }
    }

    private static func number(_ field: Substring, line: Int, column: String) throws(CSVError) -> Double? {
        let trimmed = field.trimmingCharacters()
        if trimmed.isEmpty { return nil }
        guard let value = Double(trimmed), value.isFinite else {
            throw .badNumber(line: line, column: column, text: String(trimmed))
        }
        return value
    }
}

private extension Substring {
    func trimmingCharacters() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
