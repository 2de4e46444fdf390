/// Another name a sim gives a reference's track layout: iRacing reports Spa as "spa 2024 up"
/// in its session info and "Circuit de Spa-Francorchamps" on screen, while a shipped reference
/// is filed as "Spa-Francorchamps" / "GP". The track length is still checked, so an alias never
/// matches another layout of the same circuit.
public struct TrackAlias: Sendable, Equatable, Codable, Hashable {
    public var name: String
    /// The sim's configuration name; nil matches any configuration.
    public var configuration: String?

    public init(name: String, configuration: String? = nil) {
        self.name = name
        self.configuration = configuration
    }

    /// Case and surrounding spaces are ignored, as in `TrackDescriptor.key`.
    public func matches(_ track: TrackDescriptor) -> Bool {
        func normal(_ text: String) -> String { text.lowercased().trimmingWhitespace() }
        guard normal(name) == normal(track.name) else { return false }
        return configuration.map { normal($0) == normal(track.configuration) } ?? true
    }

    /// "spa 2024 up" or "Brands Hatch Circuit (Grand Prix)".
    public var label: String {
        configuration.map { "\(name) (\($0))" } ?? name
    }
}
