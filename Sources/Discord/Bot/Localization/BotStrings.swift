import Foundation
import Storage

/// A reader's sentences for the bot's own commands, embeds, feed and DMs: a key looked up in
/// their language, `{placeholders}` filled as league and team sentences are (`LeagueStrings.fill`).
struct BotStrings: Sendable {
    let language: GuildLanguage

    func callAsFunction(_ key: BotText, _ values: KeyValuePairs<String, String> = [:]) -> String {
        LeagueStrings.fill(Self.table(language)[key] ?? Self.english[key] ?? key.rawValue, values)
    }

    static func table(_ language: GuildLanguage) -> [BotText: String] {
        switch language {
        case .english: english
        case .turkish: turkish
        }
    }

    /// The language's conventions for numbers and dates ("tr_TR" writes 0,250 and "5 Ara 2026").
    var locale: Locale {
        switch language {
        case .english: Locale(identifier: "en_GB")
        case .turkish: Locale(identifier: "tr_TR")
        }
    }

    /// A signed decimal in the language's conventions: +0.250 in English, +0,250 in Turkish.
    func signed(_ value: Double, digits: Int) -> String {
        value.formatted(
            .number.precision(.fractionLength(digits)).sign(strategy: .always(includingZero: true)).grouping(.never).locale(locale))
    }
}
