/// One DM of a publish: to whom and what (the store gives it its unique key when it queues it).
public struct TeamPlanMessage: Sendable, Hashable {
    public var recipientID: String
    public var content: String

    public init(recipientID: String, content: String) {
        self.recipientID = recipientID
        self.content = content
    }
}
