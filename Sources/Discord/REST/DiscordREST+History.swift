import Foundation

/// Reading back what the bot posted: for a result post whose first attempt may have landed.
extension DiscordREST {
    /// Discord allows at most 100 messages per history request.
    public static let maximumHistoryPage = 100

    /// Up to `limit` (1...100) messages of the channel posted after the snowflake `after` (the
    /// ones closest to it). Needs the Read Message History permission.
    func messages(in channel: String, after: UInt64, limit: Int) async throws -> [ChannelMessage] {
        let limit = min(max(limit, 1), Self.maximumHistoryPage)
        let response = try await send(.channelMessages(channel: channel, after: after, limit: limit))
        do { return try JSONDecoder().decode([ChannelMessage].self, from: response.body) } catch {
            throw DiscordError.malformedPayload("GET /channels/{channel}/messages is not a message list")
        }
    }

    /// `GET /users/@me`: the bot's own user id (the author of its messages).
    func currentUserID() async throws -> String {
        let response = try await send(.currentUser)
        struct User: Decodable { var id: String }
        guard let id = try? JSONDecoder().decode(User.self, from: response.body).id else {
            throw DiscordError.malformedPayload("GET /users/@me without id")
        }
        return id
    }
}

/// A message as the history returns it: only what identifies the bot's own result posts. Discord
/// does not return a message's nonce here, so posts are recognised by their embed footer.
struct ChannelMessage: Sendable, Decodable {
    struct Author: Sendable, Decodable { var id: String }
    struct Embed: Sendable, Decodable {
        struct Footer: Sendable, Decodable { var text: String? }
        var footer: Footer?
    }

    var id: String
    var author: Author?
    var embeds: [Embed]?

    /// The first embed's footer text, where result posts carry their marker.
    var marker: String? { embeds?.first?.footer?.text }
}
