/// A numeric CSV: a header of names, then lines of numbers or empty fields. Fields may be wrapped
/// in double quotes (MoTeC quotes every field) and `true`/`false` read as 1/0 (Garage 61's flags).
/// Line endings may be `\n` or `\r\n`; blank lines are skipped.
struct CSVTable {
    let columns: [String]
    private let lines: [CSVLine]

    init(text: String) throws(CSVError) {
        try self.init(lines: CSVLine.split(text))
    }

    /// A table whose header is `lines.first`; used by formats with a preamble before the header.
    init(lines: some Collection<CSVLine>) throws(CSVError) {
        guard let header = lines.first else { throw .empty }
        columns = header.fields.map { String($0).trimmingWhitespace() }
        self.lines = Array(lines.dropFirst())
    }

    func index(of column: String) -> Int? { columns.firstIndex(of: column) }

    /// Number of data lines.
    var rowCount: Int { lines.count }

    /// Calls `body` with each data line's fields parsed as numbers (nil for empty fields).
    func forEachRow(_ body: (_ line: Int, _ values: [Double?]) throws(CSVError) -> Void) throws(CSVError) {
        var values: [Double?] = Array(repeating: nil, count: columns.count)
        for line in lines {
            let fields = line.fields
            guard fields.count == columns.count else {
                throw .wrongFieldCount(line: line.number, expected: columns.count, found: fields.count)
            }
            for (column, field) in fields.enumerated() {
                values[column] = try Self.number(field, line: line.number, column: columns[column])
            }
            try body(line.number, values)
        }
    }

    private static func number(_ field: Substring, line: Int, column: String) throws(CSVError) -> Double? {
        if field.isEmpty { return nil }
        if field == "true" { return 1 }
        if field == "false" { return 0 }
        guard let value = Double(field), value.isFinite else {
            throw .badNumber(line: line, column: column, text: String(field))
        }
        return value
    }
}

/// One non-blank line of a CSV file with its 1-based line number.
struct CSVLine {
    let number: Int
    let text: Substring

    /// Comma-separated fields, trimmed of spaces and tabs and of one pair of enclosing quotes.
    /// (No format we read puts commas inside quotes.)
    var fields: [Substring] {
        text.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { raw in
            var field = Substring(raw).trimmingSpaces()
            if field.count >= 2, field.first == "\"", field.last == "\"" { field = field.dropFirst().dropLast() }
            return field
        }
    }

    /// Splits on bytes: Swift treats "\r\n" as one Character, so a Character split on "\n" would
    /// miss Windows line endings.
    static func split(_ text: String) -> [CSVLine] {
        var numbered: [CSVLine] = []
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        for (offset, raw) in text.utf8.split(separator: newline, omittingEmptySubsequences: false).enumerated() {
            let content = raw.last == carriageReturn ? raw.dropLast() : raw[...]
            if !content.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                numbered.append(CSVLine(number: offset + 1, text: Substring(content)))
            }
        }
        return numbered
    }
}

private extension Substring {
    func trimmingSpaces() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
