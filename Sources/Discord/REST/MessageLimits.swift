/// Discord's message and embed limits (`developers/resources/message.mdx`), checked before
/// sending so Discord never rejects a post with 50035.
public enum MessageLimits {
    public static let content = 2_000
    public static let embedTitle = 256
    public static let embedDescription = 4_096
    public static let embedFields = 25
    public static let fieldName = 256
    public static let fieldValue = 1_024
    public static let footer = 2_048
    /// Title + description + field names and values + footer, summed over every embed of a message.
    public static let embedTotal = 6_000
    public static let embedsPerMessage = 10

    /// The characters an embed counts toward `embedTotal`.
    static func characters(_ embed: Embed) -> Int {
        (embed.title?.count ?? 0) + (embed.description?.count ?? 0) + (embed.footer?.text.count ?? 0)
            + (embed.fields ?? []).reduce(0) { $0 + $1.name.count + $1.value.count }
    }

    /// The first limit a message breaks, or nil when Discord will take it.
    public static func violation(_ message: MessagePayload) -> String? {
        if let content = message.content, content.count > Self.content { return "content over \(Self.content)" }
        let embeds = message.embeds ?? []
        if embeds.count > embedsPerMessage { return "more than \(embedsPerMessage) embeds" }
        for embed in embeds {
            if (embed.title?.count ?? 0) > embedTitle { return "embed title over \(embedTitle)" }
            if (embed.description?.count ?? 0) > embedDescription { return "embed description over \(embedDescription)" }
            if (embed.footer?.text.count ?? 0) > footer { return "embed footer over \(footer)" }
            let fields = embed.fields ?? []
            if fields.count > embedFields { return "more than \(embedFields) fields" }
            if fields.contains(where: { $0.name.count > fieldName }) { return "field name over \(fieldName)" }
            if fields.contains(where: { $0.value.count > fieldValue }) { return "field value over \(fieldValue)" }
        }
        if embeds.reduce(0, { $0 + characters($1) }) > embedTotal { return "embeds over \(embedTotal) characters" }
        return nil
    }
}
