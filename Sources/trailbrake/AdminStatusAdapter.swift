import CoachServer
import Discord
import ResultsPoller
import Storage

/// The Discord bot's queues and the iRacing poller's state and recent cycles, for `/admin`.
struct AdminStatusAdapter: AdminStatusSource {
    let bot: DiscordBot?
    let repository: DiscordRepository
    let poller: PollerStatus?

    func adminStatus() async -> AdminStatus {
        var discord: AdminStatus.Discord?
        if let bot { discord = AdminStatus.Discord(feedQueue: bot.feed.count, directMessageQueue: try? await repository.directMessageCount()) }
        var iracing: AdminStatus.IRacing?
        if let poller {
            let health = await poller.health
            let cycles = await poller.recentCycles
            iracing = AdminStatus.IRacing(
                state: health.state.rawValue, lastSuccess: health.lastSuccess, lastError: health.lastError,
                trackedDrivers: health.trackedDrivers, pendingPosts: health.pendingPosts,
                cycles: cycles.map {
                    AdminStatus.Cycle(
                        endedAt: $0.endedAt, membersChecked: $0.report.membersChecked, resultsFetched: $0.report.resultsFetched,
                        postsPublished: $0.report.postsPublished, errors: $0.report.errors)
                })
        }
        return AdminStatus(discord: discord, iracing: iracing)
    }
}
