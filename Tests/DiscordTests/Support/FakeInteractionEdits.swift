import Foundation

/// `PATCH /webhooks/{application}/{token}/messages/@original` as Discord takes it: a JSON body,
/// or `multipart/form-data` with the message in `payload_json` and files in `files[n]` parts,
/// each named in `payload_json.attachments` by its `n`. What Discord refuses is refused the same
/// way: another content type, a multipart body without a boundary or a `payload_json`, a file
/// without a filename or without its attachment entry, content over 2,000 characters (400,
/// 50035), and uploads over the 10 MiB a bot may send (413, 40005).
enum FakeInteractionEdits {
    static let uploadLimit = 10 * 1_024 * 1_024

    /// The message as the edit leaves it: content and attached files.
    struct Edit {
        var payload: [String: Any]
        var files: [MultipartParser.Part]
    }

    /// The edit, or Discord's refusal of it.
    enum Parsed {
        case success(Edit)
        case failure(FakeDiscordREST.Reply)
    }

    static func parse(_ request: FakeDiscordREST.Recorded) -> Parsed {
        let type = request.contentType ?? ""
        if type.hasPrefix("application/json") {
            guard let payload = request.json else { return .failure(invalidForm()) }
            return .success(Edit(payload: payload, files: []))
        }
        guard type.hasPrefix("multipart/form-data"), let parts = MultipartParser.parse(request.body, contentType: type),
            let payloadPart = parts.first(where: { $0.name == "payload_json" }),
            let payload = (try? JSONSerialization.jsonObject(with: payloadPart.body)) as? [String: Any]
        else { return .failure(invalidForm()) }
        let files = parts.filter { $0.name.hasPrefix("files[") }
        let attachmentIDs = Set(((payload["attachments"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
        for file in files {
            let index = String(file.name.dropFirst("files[".count).dropLast())
            guard file.name.hasSuffix("]"), file.filename?.isEmpty == false, attachmentIDs.contains(index) else {
                return .failure(invalidForm())
            }
        }
        if files.reduce(0, { $0 + $1.body.count }) > uploadLimit {
            return .failure(FakeDiscordREST.Reply(status: 413, body: json(["message": "Request entity too large", "code": 40005])))
        }
        return .success(Edit(payload: payload, files: files))
    }

    /// Discord's answer to an edit: the message, its attachments with sizes.
    static func reply(to request: FakeDiscordREST.Recorded, id: String) -> FakeDiscordREST.Reply {
        switch parse(request) {
        case .failure(let refusal):
            return refusal
        case .success(let edit):
            if ((edit.payload["content"] as? String).map { ($0 as NSString).length } ?? 0) > 2_000 { return invalidForm() }
            let attachments = edit.files.enumerated().map { index, file in
                ["id": "\(id)\(index)", "filename": file.filename ?? "", "size": file.body.count] as [String: Any]
            }
            return FakeDiscordREST.Reply(
                status: 200, body: json(["id": id, "content": edit.payload["content"] ?? "", "attachments": attachments]))
        }
    }

    private static func invalidForm() -> FakeDiscordREST.Reply {
        FakeDiscordREST.Reply(
            status: 400, body: (try? DiscordFixtures.data("rest/error_50035_invalid_form_body.json")) ?? json(["code": 50035]))
    }
}
