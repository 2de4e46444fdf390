import Foundation
import Integration
import Storage

/// iRacing's roster is outside input too: names are made safe to show and store (no control or
/// direction characters, at most 64 characters), numbers longer than iRacing allows are cut.
enum LeagueRosterCleaning {
    static let nameLimit = 64
    static let numberLimit = 8

    static func row(_ entry: LeagueRosterEntry) -> LeagueRosterRow {
        let number = entry.carNumber?.trimmingCharacters(in: .whitespaces)
        return LeagueRosterRow(
            memberID: entry.memberID, displayName: name(entry.displayName, fallback: "iRacing \(entry.memberID)"),
            carNumber: number.flatMap { $0.isEmpty ? nil : String($0.prefix(numberLimit)) })
    }

    /// Control, format (bidi overrides, zero-width) and line characters removed, spaces collapsed,
    /// at most `nameLimit` Unicode scalars (a pile of combining marks is one character but many
    /// scalars, so scalars are what is counted).
    static func name(_ text: String, fallback: String, limit: Int = nameLimit) -> String {
        let kept = text.unicodeScalars.prefix(limit * 4).map { scalar -> Character in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: " "
            default: Character(scalar)
            }
        }
        let words = String(kept).split(whereSeparator: { $0.isWhitespace })
        var cleaned = String.UnicodeScalarView()
        cleaned.append(contentsOf: words.joined(separator: " ").unicodeScalars.prefix(limit))
        let result = String(cleaned)
        return result.isEmpty ? fallback : result
    }
}
