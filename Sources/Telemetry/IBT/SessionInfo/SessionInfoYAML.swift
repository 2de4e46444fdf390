import Foundation
import Yams

/// Turns iRacing's session-info text into a `SessionInfoNode` with Yams.
///
/// iRacing writes YAML by string concatenation, so real files carry text no YAML parser accepts
/// (reference/iracing-data.md 1.3): driver, team and setup names unquoted even when they hold
/// `: `, ` #`, quotes or start with `*`, `&`, `!`; control characters; NUL padding and junk after
/// the document. `cleaned(_:)` repairs exactly those, line by line, before Yams parses the rest.
enum SessionInfoYAML {
    static func parse(_ text: String) throws(IBTError) -> SessionInfoNode {
        let source = cleaned(text)
        let root: Node?
        do {
            root = try Yams.compose(yaml: source)
        } catch let error as YamlError {
            throw .invalidSessionInfo(reason: describe(error))
        } catch {
            throw .invalidSessionInfo(reason: "\(error)")
        }
        guard let root, case .mapping = root else {
            throw .invalidSessionInfo(reason: "the document is not a mapping of sections (WeekendInfo, DriverInfo, ...)")
        }
        return SessionInfoNode(root)
    }

    /// The text cut at the first NUL or at the document end marker `...`, control characters
    /// (tabs included, which YAML forbids in indentation) turned into spaces, and plain scalars
    /// that would not parse as written re-quoted.
    static func cleaned(_ text: String) -> String {
        var lines: [String] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if rawLine.contains("\0") {
                lines.append(requoted(printable(rawLine.prefix { $0 != "\0" })))
                break
            }
            let line = printable(rawLine)
            lines.append(requoted(line))
            if line == "..." { break }
        }
        return lines.joined(separator: "\n")
    }

    private static func printable(_ line: Substring) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.map { scalar in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? " " : scalar
        }))
    }

    /// `Key: value` (optionally after `- `) with a value that is not valid as a plain scalar is
    /// rewritten as `Key: 'value'`, doubling any single quote inside.
    private static func requoted(_ line: String) -> String {
        guard let separator = line.range(of: ": ") else { return line }
        var key = line[..<separator.lowerBound].drop { $0 == " " }
        if key.hasPrefix("- ") { key = key.dropFirst(2) }
        // Only simple keys: a key with spaces or quotes is itself broken text, left to the parser.
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return line }
        let value = String(line[separator.upperBound...]).trimmingWhitespace()
        guard !value.isEmpty, needsQuoting(value) else { return line }
        return String(line[..<separator.upperBound]) + "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// True when a YAML parser would not read `value` back as the same plain text.
    static func needsQuoting(_ value: String) -> Bool {
        if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
            return value.dropFirst().dropLast().contains(first)  // quoted, unless it has inner quotes
        }
        guard let first = value.first else { return false }
        if "!&*%@`|>{}[],'\"#?:-".contains(first), !(first == "-" && value.dropFirst().first?.isNumber == true) {
            return true
        }
        return value.contains(": ") || value.contains(" #") || value.hasSuffix(":")
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            "\(problem) at line \(mark.line), column \(mark.column)"
        case .reader(let problem, let offset, _, _):
            "\(problem) at offset \(offset ?? -1)"
        default:
            "unreadable YAML"
        }
    }
}

extension SessionInfoNode {
    /// Copies a Yams node; aliases (which iRacing never writes) become empty scalars.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string)
        case .mapping(let mapping):
            self = .mapping(mapping.map { (key: $0.key.string ?? "", value: SessionInfoNode($0.value)) })
        case .sequence(let sequence):
            self = .sequence(sequence.map(SessionInfoNode.init))
        case .alias:
            self = .scalar("")
        }
    }
}
