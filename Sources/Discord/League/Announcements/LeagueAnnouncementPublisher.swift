/// Posts the queued claim and release announcements, one at a time, through the bot's REST
/// client (which waits out the channel's rate limit). A post that fails is logged and skipped.
struct LeagueAnnouncementPublisher {
    let bot: DiscordBot
    let league: LeagueFeature

    func run() async {
        while let announcement = await league.announcements.next() {
            do {
                try await bot.announce(announcement.text, channel: announcement.channelID, nonce: announcement.nonce)
            } catch {
                bot.logger.warning(
                    "posting a league announcement failed", metadata: ["channel": "\(announcement.channelID)", "error": "\(error)"])
            }
        }
    }
}
