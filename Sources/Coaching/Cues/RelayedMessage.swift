/// A short message a team-mate sent the driver from the web pages ("box this lap"). The coach
/// says it as a cue (`Cue.Topic.teamMessage`) at the first place where cues may be said, never
/// in a corner: see `CornerCoach.isClear(toSay:at:)`.
public struct RelayedMessage: Sendable, Equatable {
    /// The server's id of the stored message, so its delivery can be recorded.
    public var id: Int64
    /// Who sent it: a driver name, said first so the driver knows whose words these are.
    public var sender: String
    /// The words, already checked for length and characters by the server.
    public var text: String

    public init(id: Int64, sender: String, text: String) {
        self.id = id
        self.sender = sender
        self.text = text
    }

    /// What is shown and said: "ana: box this lap".
    public var spokenText: String { "\(sender): \(text)" }
}
