import Foundation

/// `/sessions/{id}/cues`: every cue of a session, in order: the lap, corner, what was said,
/// where it was said against its deadline (approach cues), and whether the next laps at that
/// corner improved (the session's advice outcomes, as `/api/v1/sessions/{id}/advice` judges them).
public struct CuesPageInput: Sendable {
    public enum Outcome: Sendable, Equatable { case worked, notWorked, pending, notAdvice }

    public struct Item: Sendable {
        public var id: UInt64, lapNumber: Int32, corner: Int, cornerName: String?, kind: String, topic: String, text: String
        /// Lap distances (m); nil when not known (cues stored before they were recorded).
        public var saidAt: Double?, deadline: Double?
        public var outcome: Outcome
        public init(
            id: UInt64, lapNumber: Int32, corner: Int, cornerName: String?, kind: String, topic: String, text: String, saidAt: Double?,
            deadline: Double?, outcome: Outcome
        ) {
            (self.id, self.lapNumber, self.corner, self.cornerName, self.kind, self.topic, self.text) = (id, lapNumber, corner, cornerName, kind, topic, text)
            (self.saidAt, self.deadline, self.outcome) = (saidAt, deadline, outcome)
        }
    }

    public var sessionID: String, track: String, car: String, trackLength: Double
    public var cues: [Item]

    public init(sessionID: String, track: String, car: String, trackLength: Double, cues: [Item]) {
        (self.sessionID, self.track, self.car, self.trackLength, self.cues) = (sessionID, track, car, trackLength, cues)
    }
}

struct CuesView {
    struct Row {
        let id: String, lap: String, corner: String, kind: String, text: String, saidAt: String, deadline: String, margin: String
        let late: Bool, outcome: String, outcomeClass: String
    }

    let a: AnalysisStrings
    let sessionHref: String
    let heading: String
    let rows: [Row]
    let none: Bool

    init(_ input: CuesPageInput, chrome: PageChrome) {
        let words = AnalysisStrings.of(chrome.language), format = chrome.format
        a = words
        sessionHref = "/sessions/\(input.sessionID)"
        heading = "\(words.cuesTitle) · \(input.track) · \(input.car)"
        rows = input.cues.map { cue in
            let margin = Self.margin(said: cue.saidAt, deadline: cue.deadline, length: input.trackLength)
            let kind = cue.topic == "team_message" ? words.teamMessage : cue.kind == "anticipatory" ? words.anticipatory : words.feedback
            let outcome: (String, String) = switch cue.outcome {
            case .worked: (words.worked, "better")
            case .notWorked: (words.notWorked, "worse")
            case .pending: (words.pending, "steady")
            case .notAdvice: (words.notJudged, "steady")
            }
            return Row(
                id: "\(cue.id)", lap: "\(cue.lapNumber)",
                corner: cue.corner > 0 ? (cue.cornerName.map { "\(cue.corner) · \($0)" } ?? "\(cue.corner)") : "–", kind: kind, text: cue.text,
                saidAt: cue.saidAt.map { format.number($0, decimals: 0) } ?? "–",
                deadline: cue.deadline.map { format.number($0, decimals: 0) } ?? words.afterCorner,
                margin: margin.map { "\(format.number(abs($0), decimals: 0)) \($0 >= 0 ? words.early : words.late)" } ?? "–",
                late: (margin ?? 0) < 0, outcome: outcome.0, outcomeClass: outcome.1)
        }
        none = rows.isEmpty
    }

    /// Metres from where the cue was said forward to its deadline, around the lap (a deadline
    /// just past the line is reached after it); negative, "late", when said up to half a lap past it.
    static func margin(said: Double?, deadline: Double?, length: Double) -> Double? {
        guard let said, let deadline, said.isFinite, deadline.isFinite, length > 0 else { return nil }
        var ahead = (deadline - said).truncatingRemainder(dividingBy: length)
        if ahead < 0 { ahead += length }
        return ahead > length / 2 ? ahead - length : ahead
    }
}
