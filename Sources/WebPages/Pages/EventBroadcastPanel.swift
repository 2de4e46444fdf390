import Foundation

/// The event page's broadcast form and the team's recent broadcasts with who closed their DMs;
/// given only to a team admin (nil for everyone else, so the form is not on their page).
public struct EventBroadcastPanel: Sendable {
    public struct Sent: Sendable {
        public var id: Int, audience: String, delivered: Int, waiting: Int
        /// Who closed their DMs (Discord 50007), by name where they signed up.
        public var closed: [String]
        public init(id: Int, audience: String, delivered: Int, waiting: Int, closed: [String]) {
            (self.id, self.audience, self.delivered, self.waiting, self.closed) = (id, audience, delivered, waiting, closed)
        }
    }

    /// What the form did.
    public enum Outcome: Sendable, Equatable { case queued(id: Int, recipients: Int), invalidMessage, limitReached, nobody }

    /// The event's cars (id, name), each a crew to message.
    public var cars: [(id: String, name: String)]
    public var maxLength: Int
    public var recent: [Sent]
    public var outcome: Outcome?

    public init(cars: [(id: String, name: String)], maxLength: Int, recent: [Sent], outcome: Outcome? = nil) {
        (self.cars, self.maxLength, self.recent, self.outcome) = (cars, maxLength, recent, outcome)
    }
}

struct BroadcastView {
    struct Option { let value: String, label: String }
    struct Sent { let id: String, audience: String, counts: String, closed: String? }
    let b: BroadcastStrings
    let action: String, csrf: String, maxLength: String, limitNote: String
    let options: [Option]
    let recent: [Sent]
    let noRecent: Bool
    let sentNotice: String?

    init(_ panel: EventBroadcastPanel, href: String, chrome: PageChrome) {
        let words = BroadcastStrings.of(chrome.language)
        b = words
        action = href + "/broadcast"
        csrf = chrome.csrfToken ?? ""
        maxLength = String(panel.maxLength)
        limitNote = words.limitNote.replacingOccurrences(of: "{max}", with: maxLength)
        options = [Option(value: "drivers", label: words.allDrivers)]
            + panel.cars.map { Option(value: "car:\($0.id)", label: "\(words.crewOf) \($0.name)") }
            + [Option(value: "role:member", label: words.members), Option(value: "role:admin", label: words.admins)]
        recent = panel.recent.map { sent in
            Sent(
                id: String(sent.id), audience: sent.audience,
                counts: "\(sent.delivered) \(words.delivered), \(sent.waiting) \(words.waiting), \(sent.closed.count) \(words.closedCount)",
                closed: sent.closed.isEmpty ? nil : sent.closed.joined(separator: ", "))
        }
        noRecent = recent.isEmpty
        sentNotice = switch panel.outcome {
        case .queued(let id, let count):
            words.queued.replacingOccurrences(of: "{id}", with: String(id)).replacingOccurrences(of: "{count}", with: String(count))
        case .invalidMessage: limitNote
        case .limitReached: words.limitReached
        case .nobody: words.nobody
        case nil: nil
        }
    }
}
