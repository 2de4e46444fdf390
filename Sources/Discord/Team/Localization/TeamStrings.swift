import Storage

/// A reader's sentences: a key looked up in their language, its `{placeholders}` filled the
/// way league replies are (`LeagueStrings.fill`: values are never read as placeholders).
struct TeamStrings: Sendable {
    let language: GuildLanguage

    func callAsFunction(_ key: TeamText, _ values: KeyValuePairs<String, String> = [:]) -> String {
        LeagueStrings.fill(Self.table(language)[key] ?? Self.english[key] ?? key.rawValue, values)
    }

    static func table(_ language: GuildLanguage) -> [TeamText: String] {
        switch language {
        case .english: english
        case .turkish: turkish
        }
    }

    /// The team role's name in this language.
    func role(_ role: TeamRole) -> String {
        switch role {
        case .owner: self(.roleOwner)
        case .admin: self(.roleAdmin)
        case .member: self(.roleMember)
        case .guest: self(.roleGuest)
        }
    }
}
