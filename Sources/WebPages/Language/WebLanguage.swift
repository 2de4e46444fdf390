import Foundation

/// The pages' two languages. Chosen per request: the `trailbrake_lang` cookie (set by the
/// switch link) wins, else the first supported language in `Accept-Language`, else English.
public enum WebLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case turkish = "tr"

    public static let cookieName = "trailbrake_lang"

    /// `cookie`: the `trailbrake_lang` value; `acceptLanguage`: the header as sent.
    public static func negotiate(cookie: String?, acceptLanguage: String?) -> WebLanguage {
        if let cookie, let chosen = WebLanguage(rawValue: cookie) { return chosen }
        for tag in preferredTags(acceptLanguage ?? "") {
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            if let language = WebLanguage(rawValue: primary) { return language }
        }
        return .english
    }

    /// The header's language tags by quality (highest first, ties in header order); `q=0` dropped.
    /// At most 16 entries are read: the header is the client's, its length is not trusted.
    static func preferredTags(_ header: String) -> [String] {
        let entries = header.split(separator: ",").prefix(16).enumerated().compactMap { index, entry -> (String, Double, Int)? in
            let parts = entry.split(separator: ";")
            guard let tag = parts.first?.trimmingCharacters(in: .whitespaces).lowercased(), !tag.isEmpty else { return nil }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.trimmingCharacters(in: .whitespaces)
                if pair.hasPrefix("q="), let value = Double(pair.dropFirst(2)) { quality = value }
            }
            return quality > 0 ? (tag, quality, index) : nil
        }
        return entries.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }.map(\.0)
    }

    /// The other language, for the switch link.
    public var other: WebLanguage { self == .english ? .turkish : .english }

    public var strings: WebStrings { self == .english ? .english : .turkish }

    /// Number and date conventions (decimal comma in Turkish, day-month order, ...).
    public var locale: Locale { Locale(identifier: self == .english ? "en_GB" : "tr_TR") }
}
