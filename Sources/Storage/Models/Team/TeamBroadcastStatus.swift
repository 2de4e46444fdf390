/// Where a broadcast stands: how many it was queued for, how many still wait in the DM
/// queue, and who closed their DMs (Discord refused for good, 50007), to tell the admin.
public struct TeamBroadcastStatus: Sendable, Hashable {
    public var broadcastID: Int
    /// As the sending admin read it ("the drivers of Le Mans 24").
    public var audience: String
    public var recipients: Int
    public var waiting: Int
    public var closed: [String]

    /// Neither waiting nor refused: Discord took it.
    public var delivered: Int { max(0, recipients - waiting - closed.count) }

    public init(broadcastID: Int, audience: String, recipients: Int, waiting: Int, closed: [String]) {
        self.broadcastID = broadcastID
        self.audience = audience
        self.recipients = recipients
        self.waiting = waiting
        self.closed = closed
    }
}
