import Foundation

/// What a driver is doing: the sim, the track and the car. Sent in `hello` and stored with the
/// session; the reference lap is chosen from it.
public struct SessionDescriptor: Sendable, Equatable, Codable, Hashable {
    public var sim: String
    public var track: TrackDescriptor
    public var car: String
    /// "practice", "qualify", "race", ... as the client names it.
    public var sessionType: String

    public init(sim: String, track: TrackDescriptor, car: String, sessionType: String) {
        self.sim = sim
        self.track = track
        self.car = car
        self.sessionType = sessionType
    }
}

/// A track layout. `length` is in metres and is what every lap distance is checked against.
public struct TrackDescriptor: Sendable, Equatable, Codable, Hashable {
    /// 100 km: the longest track a session may name (the Nürburgring's combined layout is about
    /// 25 km); the same bound as a reference lap's (`TrackLine.maximumLength`). A longer length
    /// is a broken or hostile client, and per-metre grids sized from it would not fit in memory.
    public static let maximumLength = TrackLine.maximumLength

    public var name: String
    public var configuration: String
    public var length: Double

    public init(name: String, configuration: String, length: Double) {
        self.name = name
        self.configuration = configuration
        self.length = length
    }

    /// A normalised key for matching references: lowercased name and configuration.
    public var key: String {
        "\(name.lowercased().trimmingCharacters(in: .whitespaces))|\(configuration.lowercased().trimmingCharacters(in: .whitespaces))"
    }
}
