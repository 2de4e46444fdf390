/// One REST endpoint call, described without secrets so it can be logged and used as a
/// rate-limit key: Discord buckets per route *and* per top-level resource (channel, guild,
/// webhook), so the key is method + template + that resource's id.
public struct Route: Sendable, Hashable, CustomStringConvertible {
    public var method: String
    /// Path template, e.g. `/channels/{channel}/messages`.
    public var template: String
    /// The concrete path, e.g. `/channels/123/messages`. May hold an interaction token, so it is
    /// never logged; `description` uses the template.
    var path: String
    /// The top-level resource id (channel, guild, application+webhook) the bucket is scoped to.
    var majorParameter: String
    /// Interaction callbacks and follow-ups are exempt from the global limit.
    var isInteraction: Bool

    var limiterKey: String { "\(method) \(template) \(majorParameter)" }
    public var description: String { "\(method) \(template)" }

    static func createMessage(channel: String) -> Route {
        Route(method: "POST", template: "/channels/{channel}/messages", path: "/channels/\(channel)/messages",
              majorParameter: channel, isInteraction: false)
    }
    /// `GET /channels/{channel}/messages?after=&limit=`: the messages right after `after`.
    static func channelMessages(channel: String, after: UInt64, limit: Int) -> Route {
        Route(method: "GET", template: "/channels/{channel}/messages", path: "/channels/\(channel)/messages?after=\(after)&limit=\(limit)",
              majorParameter: channel, isInteraction: false)
    }
    static let currentUser = Route(method: "GET", template: "/users/@me", path: "/users/@me", majorParameter: "", isInteraction: false)
    static let createDM = Route(method: "POST", template: "/users/@me/channels", path: "/users/@me/channels",
                                majorParameter: "", isInteraction: false)
    static let gatewayBot = Route(method: "GET", template: "/gateway/bot", path: "/gateway/bot",
                                  majorParameter: "", isInteraction: false)
    /// `GET /guilds/{guild}/members/{user}`: a member's roles (the web pages' role check).
    static func guildMember(guild: String, user: String) -> Route {
        Route(method: "GET", template: "/guilds/{guild}/members/{user}", path: "/guilds/\(guild)/members/\(user)",
              majorParameter: guild, isInteraction: false)
    }
    /// `GET /guilds/{guild}`: its owner and its roles' permissions.
    static func guild(_ guild: String) -> Route {
        Route(method: "GET", template: "/guilds/{guild}", path: "/guilds/\(guild)", majorParameter: guild, isInteraction: false)
    }
    static func bulkOverwriteGuildCommands(application: String, guild: String) -> Route {
        Route(method: "PUT", template: "/applications/{application}/guilds/{guild}/commands",
              path: "/applications/\(application)/guilds/\(guild)/commands", majorParameter: guild, isInteraction: false)
    }
    static func interactionCallback(id: String, token: String) -> Route {
        Route(method: "POST", template: "/interactions/{id}/{token}/callback",
              path: "/interactions/\(id)/\(token)/callback", majorParameter: id, isInteraction: true)
    }
    static func editOriginal(application: String, token: String) -> Route {
        Route(method: "PATCH", template: "/webhooks/{application}/{token}/messages/@original",
              path: "/webhooks/\(application)/\(token)/messages/@original", majorParameter: application + token,
              isInteraction: true)
    }
}
