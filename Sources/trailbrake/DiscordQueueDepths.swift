import CoachServer
import Discord
import Storage

/// The Discord bot's DM queue (rows in SQLite) and live feed (events in memory), for `/metrics`.
struct DiscordQueueDepths: QueueDepthSource {
    let bot: DiscordBot
    let repository: DiscordRepository

    func queueDepths() async -> [String: Int] {
        var depths = ["discord_feed": bot.feed.count]
        // A database too busy to count leaves the gauge at its last value rather than a false 0.
        if let waiting = try? await repository.directMessageCount() { depths["dm_queue"] = waiting }
        return depths
    }
}
