/// A Discord guild (server), by its snowflake id.
///
/// Results and live feeds are configured per guild, so the iRacing poller and the Discord bot
/// both key their state by it; it lives here so neither has to depend on the other.
public struct GuildID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Parses Discord's decimal string form; nil for anything else.
    public init?(_ text: String) {
        guard let value = UInt64(text) else { return nil }
        self.rawValue = value
    }

    public var description: String { String(rawValue) }
}
