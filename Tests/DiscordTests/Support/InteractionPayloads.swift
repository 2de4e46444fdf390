import Foundation
import Testing

/// Slash command interactions in the shape of the docs' INTERACTION_CREATE
/// (`gateway/interaction_create_slash_command.json`), with the command and options replaced.
enum InteractionPayloads {
    static let admin = "2147483647"
    /// Send Messages and Read Message History, no Manage Server.
    static let member = "68608"

    static func command(
        _ name: String, id: String, options: [[String: Any]] = [], permissions: String = admin, userID: String = "53908232506183680"
    ) throws -> Data {
        var interaction = try DiscordFixtures.object("gateway/interaction_create_slash_command.json")["d"] as? [String: Any] ?? [:]
        interaction["id"] = id
        interaction["token"] = "interaction-token-\(id)"
        interaction["guild_id"] = RunningBot.guild
        var member = interaction["member"] as? [String: Any] ?? [:]
        member["permissions"] = permissions
        var user = member["user"] as? [String: Any] ?? [:]
        user["id"] = userID
        member["user"] = user
        interaction["member"] = member
        interaction["data"] = ["id": "771825006014889984", "type": 1, "name": name, "options": options]
        return json(interaction)
    }

    static func option(_ name: String, _ value: Any, type: Int = 3) -> [String: Any] {
        ["name": name, "type": type, "value": value]
    }

    static func subcommand(_ name: String, _ options: [[String: Any]]) -> [String: Any] {
        ["name": name, "type": 1, "options": options]
    }
}

extension RunningBot {
    /// Sends an interaction through the gateway and returns the callback body the bot posted,
    /// and for deferred answers the edited original's content.
    func invoke(_ payload: Data, id: String) async throws -> (type: Int, content: String?) {
        await fake.gateway.dispatch("INTERACTION_CREATE", data: payload)
        let path = "interactions/\(id)/interaction-token-\(id)/callback"
        try await eventually("callback for \(id)") { await !fake.rest.requests(matching: "POST", path).isEmpty }
        let callback = try #require(await fake.rest.requests(matching: "POST", path).first?.json)
        let type = callback["type"] as? Int ?? 0
        if type == 5 {
            let edit = "webhooks/100/interaction-token-\(id)/messages/@original"
            try await eventually("follow-up for \(id)") { await !fake.rest.requests(matching: "PATCH", edit).isEmpty }
            return (5, await fake.rest.requests(matching: "PATCH", edit).first?.json?["content"] as? String)
        }
        return (type, (callback["data"] as? [String: Any])?["content"] as? String)
    }
}
