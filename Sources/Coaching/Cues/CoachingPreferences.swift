import Telemetry

/// How one driver wants to be coached (`hello.settings`, for the session it starts): how much
/// the coach says, about what, and in which units. Raw values are the protocol's strings.
public struct CoachingPreferences: Sendable, Equatable, Codable {
    public enum Verbosity: String, Sendable, Codable, CaseIterable {
        /// Every cue: feedback after corners and advice on the approach.
        case all
        /// Only cues worth a tenth of a second or more (severity 2 and 3, ranked by what worked).
        case important
        /// Only advice on the approach, for habits; nothing after a corner.
        case approach
    }

    public enum Units: String, Sendable, Codable, CaseIterable {
        /// Metres and km/h.
        case metric
        /// Feet and mph.
        case imperial
    }

    public var verbosity: Verbosity
    public var units: Units
    /// Topics the driver switched off; the coach says nothing about them.
    public var disabledTopics: Set<Cue.Topic>

    public init(verbosity: Verbosity = .all, units: Units = .metric, disabledTopics: Set<Cue.Topic> = []) {
        self.verbosity = verbosity
        self.units = units
        self.disabledTopics = disabledTopics
    }

    /// Whether a cue of this kind and severity is said at this verbosity.
    func allows(kind: Cue.Kind, severity: Int) -> Bool {
        switch verbosity {
        case .all: true
        case .important: severity >= 2
        case .approach: kind == .anticipatory
        }
    }
}

extension CoachingPreferences {
    /// The settings of `hello` (already checked by the wire decoder); topics this coach does not
    /// know are ignored.
    public init(_ settings: Hello.Settings?) {
        guard let settings else {
            self.init()
            return
        }
        self.init(
            verbosity: Verbosity(rawValue: settings.verbosity) ?? .all, units: Units(rawValue: settings.units) ?? .metric,
            disabledTopics: Set(settings.topicsOff.compactMap(Cue.Topic.init(rawValue:))))
    }
}
