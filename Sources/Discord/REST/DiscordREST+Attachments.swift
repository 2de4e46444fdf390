import Foundation

/// Replies that carry a file.
extension DiscordREST {
    /// Replaces a deferred response's "thinking…" with `message` and, when given, one attached
    /// file (multipart: `payload_json` naming the attachment, then `files[0]`).
    func editOriginalResponse(application: String, token: String, _ message: MessagePayload, file: LeagueFile?) async throws {
        guard let file else { return try await editOriginalResponse(application: application, token: token, message) }
        if let violation = MessageLimits.violation(message) { throw DiscordError.messageTooLarge(violation) }
        var message = message
        message.attachments = [AttachmentPayload(id: "0", filename: file.filename)]
        let form = MultipartForm(
            payloadJSON: try Self.encoder.encode(message),
            files: [MultipartForm.File(name: "files[0]", filename: file.filename, contentType: file.contentType, bytes: file.bytes)])
        _ = try await send(.editOriginal(application: application, token: token), body: .multipart(form))
    }
}
