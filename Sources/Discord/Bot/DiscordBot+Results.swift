import Foundation
import Integration

/// Result posts: each part goes to the guild's results channel once. A first attempt is
/// deduplicated by Discord through the nonce, which Discord honours only for a few minutes; a
/// post whose earlier attempt may have landed longer ago is first looked for in the channel.
extension DiscordBot {
    /// Posts a result in the guild's results channel, once: a repeat of the same post within
    /// Discord's nonce window is deduplicated by Discord.
    public func publish(_ post: RaceResultPost) async throws {
        guard let (channel, messages) = try await resultMessages(post) else { return }
        for (part, embeds) in messages.enumerated() {
            try await postPart(part, embeds, of: post, to: channel)
        }
    }

    /// Posts what of a result is not in the channel yet: its earlier attempt, at
    /// `firstAttemptAt`, may have landed with its answer lost, and Discord may have forgotten
    /// the nonce since. The bot's messages of the minute before the attempt onwards are read
    /// (one history request of `resultCheckMessages`) and each part found there is skipped.
    /// Without the Read Message History permission (403), it sends again relying on the nonce.
    public func republish(_ post: RaceResultPost, firstAttemptAt: Date) async throws {
        guard let (channel, messages) = try await resultMessages(post) else { return }
        let landed: Set<String>
        do {
            landed = try await landedMarkers(in: channel, since: firstAttemptAt)
        } catch DiscordError.http(let status, _, _) where status == 403 {
            logger.warning(
                "cannot read the results channel's history (Read Message History missing); re-sending with the nonce only",
                metadata: ["channel": "\(channel)"])
            landed = []
        }
        for (part, embeds) in messages.enumerated() {
            guard let marker = embeds.first?.footer?.text, !landed.contains(marker) else {
                logger.info("result part already posted; not sent again", metadata: ["post": "\(post.postKey)", "part": "\(part)"])
                continue
            }
            try await postPart(part, embeds, of: post, to: channel)
        }
    }

    /// The results channel and the post's messages; nil (logged) when no channel is set.
    private func resultMessages(_ post: RaceResultPost) async throws -> (channel: String, messages: [[Embed]])? {
        let settings = try await repository.settings(guildID: post.guildID.description)
        guard let channel = settings.resultsChannelID else {
            logger.notice("no results channel set; result not posted", metadata: ["guild": "\(post.guildID)"])
            return nil
        }
        let zone = settings.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC") ?? .current
        return (channel, ResultEmbeds.messages(for: post, timeZone: zone, strings: BotStrings(language: settings.language)))
    }

    private func postPart(_ part: Int, _ embeds: [Embed], of post: RaceResultPost, to channel: String) async throws {
        let message = MessagePayload(embeds: embeds, nonce: ResultNonce.make(postKey: post.postKey, part: part), enforceNonce: true)
        try await rest.createMessage(channel: channel, message)
    }

    /// Markers of the bot's own messages posted from a minute before `time` (clock skew) on.
    private func landedMarkers(in channel: String, since time: Date) async throws -> Set<String> {
        let me: String
        if let known = await state.userID {
            me = known
        } else {
            me = try await rest.currentUserID()
            await state.learnUserID(me)
        }
        let after = ResultMarker.snowflake(at: time.addingTimeInterval(-60))
        let history = try await rest.messages(in: channel, after: after, limit: configuration.resultCheckMessages)
        return Set(history.filter { $0.author?.id == me }.compactMap(\.marker))
    }
}
