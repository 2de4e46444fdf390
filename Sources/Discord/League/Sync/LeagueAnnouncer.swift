/// Posts league announcements (claims, releases, sync differences) to a channel. The bot is
/// the real one; the sync service knows only this.
public protocol LeagueAnnouncer: Sendable {
    /// Posts `text` with mentions disabled. With a `nonce`, a repeat within Discord's nonce
    /// memory is not posted twice, so a retried announcement is safe.
    func announce(_ text: String, channel: String, nonce: String?) async throws
}

extension DiscordBot: LeagueAnnouncer {
    public func announce(_ text: String, channel: String, nonce: String?) async throws {
        try await rest.createMessage(
            channel: channel,
            MessagePayload(content: text, nonce: nonce, enforceNonce: nonce == nil ? nil : true))
    }
}
