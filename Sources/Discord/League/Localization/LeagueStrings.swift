import Storage

/// A guild's sentences: a key looked up in the guild's language, its `{placeholders}` filled.
/// Values are inserted as given, so callers escape names (`LeagueFormat`) before they come here.
struct LeagueStrings: Sendable {
    let language: GuildLanguage

    func callAsFunction(_ key: LeagueText, _ values: KeyValuePairs<String, String> = [:]) -> String {
        Self.fill(Self.table(language)[key] ?? Self.english[key] ?? key.rawValue, values)
    }

    static func table(_ language: GuildLanguage) -> [LeagueText: String] {
        switch language {
        case .english: english
        case .turkish: turkish
        }
    }

    /// Replaces each `{name}` of the template in one pass: text a value brings in (a user may type
    /// "{user}") is never read as a placeholder.
    static func fill(_ template: String, _ values: KeyValuePairs<String, String>) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = rest[rest.index(after: open)..<close]
            if let value = values.first(where: { $0.key == name })?.value {
                result += value
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The placeholders a sentence takes ("{number}" -> "number").
    static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
