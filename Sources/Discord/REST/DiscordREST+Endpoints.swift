import Foundation

/// The endpoints the bot uses.
extension DiscordREST {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    /// `GET /gateway/bot`: the gateway URL to connect to.
    public func gatewayURL() async throws -> String {
        let response = try await send(.gatewayBot)
        struct GatewayBot: Decodable { var url: String }
        guard let url = try? JSONDecoder().decode(GatewayBot.self, from: response.body).url else {
            throw DiscordError.malformedPayload("GET /gateway/bot without url")
        }
        return url
    }

    /// Posts a message after checking the limits; returns the new message's id. Retried after a
    /// server error only when it carries a nonce with `enforce_nonce`, which makes a repeat harmless.
    @discardableResult
    public func createMessage(channel: String, _ message: MessagePayload) async throws -> String {
        if let violation = MessageLimits.violation(message) { throw DiscordError.messageTooLarge(violation) }
        let response = try await send(
            .createMessage(channel: channel), body: .json(try Self.encoder.encode(message)), repeatable: message.isDeduplicated)
        return Self.id(in: response.body) ?? ""
    }

    /// Posts a message with files (multipart: `payload_json` and `files[n]`).
    @discardableResult
    public func createMessage(channel: String, _ message: MessagePayload, files: [(filename: String, contentType: String, bytes: Data)])
        async throws -> String
    {
        let form = MultipartForm(
            payloadJSON: try Self.encoder.encode(message),
            files: files.enumerated().map { index, file in
                MultipartForm.File(name: "files[\(index)]", filename: file.filename, contentType: file.contentType, bytes: file.bytes)
            })
        let response = try await send(.createMessage(channel: channel), body: .multipart(form), repeatable: message.isDeduplicated)
        return Self.id(in: response.body) ?? ""
    }

    /// `POST /users/@me/channels`: the DM channel with a user (created when needed). Safe to
    /// repeat: Discord answers with the existing channel.
    public func createDMChannel(recipient: String) async throws -> String {
        let body = try Self.encoder.encode(["recipient_id": recipient])
        let response = try await send(.createDM, body: .json(body), repeatable: true)
        guard let id = Self.id(in: response.body) else { throw DiscordError.malformedPayload("DM channel without id") }
        return id
    }

    /// Replaces the guild's slash commands with `commands` (`PUT …/guilds/{guild}/commands`).
    public func overwriteGuildCommands(application: String, guild: String, _ commands: [CommandDefinition]) async throws {
        _ = try await send(
            .bulkOverwriteGuildCommands(application: application, guild: guild), body: .json(try Self.encoder.encode(commands)))
    }

    /// Answers an interaction (must happen within 3 s of it). Never repeated: a second callback
    /// is refused as already acknowledged (40060), so a lost answer is not retried.
    public func respond(toInteraction id: String, token: String, _ response: InteractionResponse) async throws {
        if let data = response.data, let violation = MessageLimits.violation(data) {
            throw DiscordError.messageTooLarge(violation)
        }
        _ = try await send(.interactionCallback(id: id, token: token), body: .json(try Self.encoder.encode(response)))
    }

    /// Replaces a deferred response's "thinking…" with the real answer.
    public func editOriginalResponse(application: String, token: String, _ message: MessagePayload) async throws {
        if let violation = MessageLimits.violation(message) { throw DiscordError.messageTooLarge(violation) }
        _ = try await send(.editOriginal(application: application, token: token), body: .json(try Self.encoder.encode(message)))
    }

    private static func id(in body: Data) -> String? {
        struct Identified: Decodable { var id: String }
        return try? JSONDecoder().decode(Identified.self, from: body).id
    }
}
