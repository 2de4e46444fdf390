import Foundation

/// How a result post is recognised in its channel when Discord has forgotten its nonce: each
/// message's first embed carries a footer naming the subsession and, for a post split over
/// several messages, the part (`Subsession 71234567 · 2/3`). Subsession ids are unique and a
/// guild gets one post per subsession, so the bot's own message with that footer is that part.
enum ResultMarker {
    static func footer(subsessionID: Int, part: Int, of parts: Int) -> String {
        parts > 1 ? "Subsession \(subsessionID) · \(part + 1)/\(parts)" : "Subsession \(subsessionID)"
    }

    /// Longest footer `footer` writes (ten-digit subsession, up to 99 parts), kept free in every
    /// message when embeds are packed.
    static let reservedCharacters = 40

    /// Discord's epoch (2015-01-01T00:00:00Z) in Unix milliseconds.
    static let discordEpochMilliseconds: UInt64 = 1_420_070_400_000

    /// The smallest snowflake of a message created at `date`: messages after it have larger ids.
    static func snowflake(at date: Date) -> UInt64 {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1_000))
        guard milliseconds > discordEpochMilliseconds else { return 0 }
        return (milliseconds - discordEpochMilliseconds) << 22
    }
}
