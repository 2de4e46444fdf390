import Foundation
import Testing

/// League commands as Discord sends them: the docs' INTERACTION_CREATE
/// (`gateway/interaction_create_slash_command.json`) with the command, options, member
/// permissions and roles replaced, sent through the fake gateway to the running bot.
struct LeagueInteraction: Sendable {
    var name: String
    var options: [[String: any Sendable]] = []
    var user = LeagueUsers.ana
    var username = "ana"
    /// Send Messages and Read Message History, no Manage Server.
    var permissions = InteractionPayloads.member
    var roles: [String] = []
    var guild = LeagueHarness.guild

    static func option(_ name: String, _ value: any Sendable, type: Int = 3) -> [String: any Sendable] {
        ["name": name, "type": type, "value": value]
    }

    /// A command from someone with Manage Server.
    static func admin(_ name: String, _ options: [[String: any Sendable]] = []) -> LeagueInteraction {
        LeagueInteraction(name: name, options: options, user: LeagueUsers.admin, permissions: InteractionPayloads.admin)
    }

    /// `/claim number` by `user`.
    static func claim(_ number: String, by user: String = LeagueUsers.ana, guild: String = LeagueHarness.guild) -> LeagueInteraction {
        LeagueInteraction(name: "claim", options: [option("number", number)], user: user, guild: guild)
    }

    /// A user option (Discord sends the id).
    static func user(_ id: any Sendable) -> [String: any Sendable] { option("user", id, type: 6) }

    static func integer(_ name: String, _ value: Int) -> [String: any Sendable] { option(name, value, type: 4) }

    static func subcommand(_ name: String, _ options: [[String: any Sendable]] = []) -> [String: any Sendable] {
        ["name": name, "type": 1, "options": options]
    }

    func payload(id: String) throws -> Data {
        var interaction = try DiscordFixtures.object("gateway/interaction_create_slash_command.json")["d"] as? [String: Any] ?? [:]
        interaction["id"] = id
        interaction["token"] = "interaction-token-\(id)"
        interaction["guild_id"] = guild
        var member = interaction["member"] as? [String: Any] ?? [:]
        member["permissions"] = permissions
        member["roles"] = roles
        var user = member["user"] as? [String: Any] ?? [:]
        user["id"] = self.user
        user["username"] = username
        member["user"] = user
        interaction["member"] = member
        interaction["data"] = ["id": "771825006014889984", "type": 1, "name": name, "options": options.map { $0 as [String: Any] }]
        return json(interaction)
    }
}

/// What the bot answered: the callback, and for a deferred answer the edit of the original.
struct LeagueReplySeen: Sendable {
    var type: Int
    var flags: Int?
    var content: String
    /// `allowed_mentions` of the answer that carried the content.
    var allowedMentionsParse: [String]?
    var files: [MultipartParser.Part]
    var contentType: String?
}

extension MultipartParser.Part: @unchecked Sendable {}

extension LeagueHarness {
    /// Sends `interaction` and waits for the bot's whole answer.
    @discardableResult
    func send(_ interaction: LeagueInteraction) async throws -> LeagueReplySeen {
        let id = interactionID()
        await fake.gateway.dispatch("INTERACTION_CREATE", data: try interaction.payload(id: id))
        return try await reply(to: id)
    }

    /// Waits for the answer to interaction `id`.
    func reply(to id: String) async throws -> LeagueReplySeen {
        let path = "interactions/\(id)/interaction-token-\(id)/callback"
        try await eventually("callback for \(id)") { await !fake.rest.requests(matching: "POST", path).isEmpty }
        let callback = try #require(await fake.rest.requests(matching: "POST", path).first?.json)
        let type = callback["type"] as? Int ?? 0
        let data = callback["data"] as? [String: Any]
        guard type == 5 else {
            return LeagueReplySeen(
                type: type, flags: data?["flags"] as? Int, content: data?["content"] as? String ?? "",
                allowedMentionsParse: (data?["allowed_mentions"] as? [String: Any])?["parse"] as? [String], files: [], contentType: nil)
        }
        let edit = "webhooks/100/interaction-token-\(id)/messages/@original"
        try await eventually("edit for \(id)") { await !fake.rest.requests(matching: "PATCH", edit).isEmpty }
        let request = try #require(await fake.rest.requests(matching: "PATCH", edit).first)
        guard case .success(let parsed) = FakeInteractionEdits.parse(request) else { throw TestFailure("Discord would refuse the edit") }
        return LeagueReplySeen(
            type: 5, flags: data?["flags"] as? Int, content: parsed.payload["content"] as? String ?? "",
            allowedMentionsParse: (parsed.payload["allowed_mentions"] as? [String: Any])?["parse"] as? [String], files: parsed.files,
            contentType: request.contentType)
    }
}
