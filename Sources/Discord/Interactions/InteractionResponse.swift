/// The body of `POST /interactions/{id}/{token}/callback`.
public struct InteractionResponse: Sendable, Encodable {
    public var type: Int
    public var data: MessagePayload?

    /// Type 4: answer at once with a message.
    public static func message(_ content: String, ephemeral: Bool = true) -> InteractionResponse {
        InteractionResponse(
            type: 4, data: MessagePayload(content: content, flags: ephemeral ? MessagePayload.Flag.ephemeral : nil))
    }

    /// Type 5: "thinking…"; the answer follows through the webhook (edit original).
    public static func deferred(ephemeral: Bool = true) -> InteractionResponse {
        InteractionResponse(type: 5, data: ephemeral ? MessagePayload(flags: MessagePayload.Flag.ephemeral) : nil)
    }
}
