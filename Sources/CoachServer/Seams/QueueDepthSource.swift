/// Lets `/metrics` show how much waits in a queue the server does not own (the Discord bot's
/// DM queue and live feed), without the server depending on it.
public protocol QueueDepthSource: Sendable {
    /// Items waiting, by queue name (`dm_queue`, `discord_feed`), read when `/metrics` is scraped.
    func queueDepths() async -> [String: Int]
}
