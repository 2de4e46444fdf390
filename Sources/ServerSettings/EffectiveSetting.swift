import ServerLogging

/// One key's value in force and where it came from, for `trailbrake config check`.
public struct EffectiveSetting: Sendable, Equatable {
    /// Later sources win: a flag over the environment over the file over the default.
    public enum Source: String, Sendable, Equatable {
        case `default`, file, environment, flag
    }

    /// `section.key`, as in the file.
    public let key: String
    /// The value as TOML would write it, with any password or token in a URL masked.
    public let value: String
    public let source: Source
}

extension ServerConfiguration {
    /// Every key of `configuration` (as `load` built it from `file` and `environment`, then the
    /// command line set `flags`, dotted names), in the order of `config/trailbrake.toml`'s sections.
    public static func effectiveSettings(
        of configuration: ServerConfiguration, file: [String: [String: ConfigurationValue]],
        environment: [String: String], flags: Set<String> = []
    ) -> [EffectiveSetting] {
        ConfigurationKey.all.map { key in
            let source: EffectiveSetting.Source =
                if flags.contains(key.dottedName) { .flag }
                else if environment[key.environmentName] != nil { .environment }
                else if file[key.section]?[key.name] != nil { .file }
                else { .default }
            return EffectiveSetting(key: key.dottedName, value: SettingText.render(key.read(configuration)), source: source)
        }
    }
}

/// How `config check` writes a value: TOML literals, and a URL's password masked.
package enum SettingText {
    package static let mask = "****"

    package static func render(_ value: ConfigurationValue) -> String {
        switch value {
        case .string(let text): JSONText.quoted(maskingURLPassword(text))
        case .integer(let number): String(number)
        case .float(let number): String(number)
        case .boolean(let flag): String(flag)
        }
    }

    /// `https://user:secret@host/` becomes `https://user:****@host/`, and `https://secret@host/`
    /// (a token as the user name) `https://****@host/`; text that is no such URL is unchanged.
    package static func maskingURLPassword(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") else { return text }
        let userInfo = text[scheme.upperBound..<at]
        guard !userInfo.contains(where: { "/?#".contains($0) }) else { return text }
        let kept = userInfo.firstIndex(of: ":").map { text[..<text.index(after: $0)] } ?? text[..<scheme.upperBound]
        return String(kept) + mask + String(text[at...])
    }
}
