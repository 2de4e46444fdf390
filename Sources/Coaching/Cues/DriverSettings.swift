import Telemetry

/// A driver's coaching settings as they are stored between sessions (issue 16): the session's
/// preferences and the language of its cues.
///
/// The rule, field by field (docs/protocol.md, `settings`): a field `hello` states wins for that
/// session and becomes the driver's stored default; a field it leaves out takes the stored value,
/// or the protocol's default when nothing is stored.
public struct DriverSettings: Sendable, Equatable {
    public var preferences: CoachingPreferences
    public var language: CueLanguage

    public init(preferences: CoachingPreferences = CoachingPreferences(), language: CueLanguage = .english) {
        self.preferences = preferences
        self.language = language
    }

    /// The settings of the session `hello` starts, given what the driver had stored (nil: nothing yet).
    /// Topics this coach does not know are dropped, so they are neither judged nor stored.
    public init(hello: Hello, stored: DriverSettings?) {
        var settings = stored ?? DriverSettings()
        if hello.languageGiven { settings.language = CueLanguage(rawValue: hello.language) ?? .english }
        if let given = hello.settings {
            let stated = CoachingPreferences(given)
            if given.given.contains(.verbosity) { settings.preferences.verbosity = stated.verbosity }
            if given.given.contains(.units) { settings.preferences.units = stated.units }
            if given.given.contains(.topicsOff) { settings.preferences.disabledTopics = stated.disabledTopics }
        }
        self = settings
    }

    /// The topics switched off, as protocol strings in protocol order (what is stored and shown).
    public var topicsOff: [String] {
        Cue.Topic.allCases.filter(preferences.disabledTopics.contains).map(\.rawValue)
    }

    /// Settings read back from their stored strings; a value this build does not know (a row
    /// written by a newer server, or edited by hand) falls back to the default.
    public init(verbosity: String, units: String, topicsOff: [String], language: String) {
        self.init(
            preferences: CoachingPreferences(
                verbosity: CoachingPreferences.Verbosity(rawValue: verbosity) ?? .all,
                units: CoachingPreferences.Units(rawValue: units) ?? .metric,
                disabledTopics: Set(topicsOff.compactMap(Cue.Topic.init(rawValue:)))),
            language: CueLanguage(rawValue: language) ?? .english)
    }
}
