import WireClient

/// What a driver heard that a person replaying a lap wants to see (`stream` prints these).
public enum DriverEvent: Sendable {
    case welcome(session: String, resumed: Bool)
    /// A cue, with the batch it names and how long after that batch left it arrived.
    case cue(text: String, corner: Int?, kind: String, sequence: UInt64, latency: Duration?)
    case lap(number: Int, time: Double?)
    case error(code: String, message: String)
    /// A binary message (a voice clip).
    case clip(ClipMessage)
}
