import Foundation

/// A team message as typed in the form, checked: trimmed, 1...`maxLength` characters, no
/// control or format characters (a spoken cue and a line on the page; a bidi override would
/// disguise it on the page).
enum TeamMessageText {
    enum Problem: Error, Equatable {
        case empty
        case tooLong
        case invalid
    }

    static func checked(_ raw: String?, maxLength: Int) -> Result<String, Problem> {
        let text = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .failure(.empty) }
        guard text.count <= maxLength else { return .failure(.tooLong) }
        let refused = text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }
        return refused ? .failure(.invalid) : .success(text)
    }
}
