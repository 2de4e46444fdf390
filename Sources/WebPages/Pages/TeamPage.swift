import Foundation

/// `/team`: the drivers who shared their coaching with a team the reader is in, each with a
/// live panel (filled by the page's script from the listen socket), their newest laps, and the
/// message form; then the messages sent to them and what became of each.
public struct TeamPageInput: Sendable {
    public struct Driver: Sendable {
        public var id: Int64, name: String, team: String, laps: [Lap]
        public init(id: Int64, name: String, team: String, laps: [Lap]) { (self.id, self.name, self.team, self.laps) = (id, name, team, laps) }
    }

    public struct Lap: Sendable {
        public var id: Int64, number: Int, time: Double?, valid: Bool
        public init(id: Int64, number: Int, time: Double?, valid: Bool) { (self.id, self.number, self.time, self.valid) = (id, number, time, valid) }
    }

    public struct Message: Sendable {
        public enum Outcome: Sendable { case waiting, said(lap: Int?, distance: Double?), notSaid }
        public var driverName: String, sender: String, text: String, sentAt: Date, outcome: Outcome
        public init(driverName: String, sender: String, text: String, sentAt: Date, outcome: Outcome) {
            (self.driverName, self.sender, self.text, self.sentAt, self.outcome) = (driverName, sender, text, sentAt, outcome)
        }
    }

    /// What the message form did, said at the top of the page.
    public enum Outcome: Sendable, Equatable {
        case queued, tooLong(max: Int), empty, invalidText, rateLimited(perMinute: Int), notLive, driverBusy(waiting: Int)

        /// The stable code of the outcome (`data-code` on the page's notice).
        public var code: String {
            switch self {
            case .queued: "queued"
            case .tooLong: "message_too_long"
            case .empty: "message_empty"
            case .invalidText: "message_invalid"
            case .rateLimited: "rate_limited"
            case .notLive: "driver_not_live"
            case .driverBusy: "driver_busy"
            }
        }
    }

    public var drivers: [Driver]
    public var messages: [Message]
    public var outcome: Outcome?
    public var maxLength: Int

    public init(drivers: [Driver], messages: [Message], outcome: Outcome?, maxLength: Int) {
        self.drivers = drivers
        self.messages = messages
        self.outcome = outcome
        self.maxLength = maxLength
    }
}

struct TeamView {
    struct LapRow { let id: String, number: String, time: String, status: String }
    struct DriverPanel { let id: String, name: String, team: String, laps: [LapRow], noLaps: Bool }
    struct MessageRow { let driver: String, sender: String, text: String, sent: String, outcome: String, said: Bool }

    let t: TeamStrings
    let csrf: String
    let notice: String?
    let code: String
    let refused: Bool
    let drivers: [DriverPanel]
    let none: Bool
    let messages: [MessageRow]
    let noMessages: Bool
    let maxLength: String

    init(_ input: TeamPageInput, chrome: PageChrome) {
        let format = chrome.format, words = TeamStrings.of(chrome.language)
        t = words
        csrf = chrome.csrfToken ?? ""
        maxLength = "\(input.maxLength)"
        let fill = { (template: String, value: String) in Self.fill(template, [value]) }
        switch input.outcome {
        case .queued: notice = words.queued
        case .tooLong(let max): notice = fill(words.tooLong, "\(max)")
        case .empty: notice = words.empty
        case .invalidText: notice = words.invalidText
        case .rateLimited(let perMinute): notice = fill(words.rateLimited, "\(perMinute)")
        case .notLive: notice = words.notLiveRefused
        case .driverBusy(let waiting): notice = fill(words.driverBusy, "\(waiting)")
        case nil: notice = nil
        }
        refused = input.outcome.map { $0 != .queued } ?? false
        code = input.outcome?.code ?? ""
        drivers = input.drivers.map { driver in
            DriverPanel(
                id: "\(driver.id)", name: driver.name, team: driver.team,
                laps: driver.laps.map {
                    LapRow(id: "\($0.id)", number: "\($0.number)", time: format.lapTime($0.time), status: $0.valid ? words.valid : words.invalid)
                },
                noLaps: driver.laps.isEmpty)
        }
        none = drivers.isEmpty
        messages = input.messages.map { message in
            let outcome: String
            switch message.outcome {
            case .waiting: outcome = words.waiting
            case .notSaid: outcome = words.notSaid
            case .said(let lap, let distance):
                let place = Self.fill(words.whereSaid, [lap.map { "\($0)" } ?? "–", distance.map { format.number($0, decimals: 0) } ?? "–"])
                outcome = words.said + " · " + place
            }
            var said = false
            if case .said = message.outcome { said = true }
            return MessageRow(
                driver: message.driverName, sender: message.sender, text: message.text, sent: format.dateTime(message.sentAt),
                outcome: outcome, said: said)
        }
        noMessages = messages.isEmpty
    }

    /// Each `%@` of `template` in turn replaced by the next of `values`.
    static func fill(_ template: String, _ values: [String]) -> String {
        var text = template
        for value in values {
            guard let range = text.range(of: "%@") else { break }
            text.replaceSubrange(range, with: value)
        }
        return text
    }
}
