import Foundation

/// `/sessions`: one page of the driver's sessions, newest first.
public struct SessionsPageInput: Sendable {
    public struct Item: Sendable {
        public var id: String
        public var track: String
        public var car: String
        public var startedAt: Date
        /// `ReferenceChoice.Reason` raw value.
        public var referenceReason: String
        public var bestLap: Double?
        public var validLaps: Int

        public init(id: String, track: String, car: String, startedAt: Date, referenceReason: String, bestLap: Double?, validLaps: Int) {
            self.id = id
            self.track = track
            self.car = car
            self.startedAt = startedAt
            self.referenceReason = referenceReason
            self.bestLap = bestLap
            self.validLaps = validLaps
        }
    }

    public var items: [Item]
    /// The REST API's cursor for the next page; nil on the last.
    public var nextCursor: String?
    public var isFirstPage: Bool

    public init(items: [Item], nextCursor: String?, isFirstPage: Bool) {
        self.items = items
        self.nextCursor = nextCursor
        self.isFirstPage = isFirstPage
    }
}

struct SessionsView {
    struct Row {
        let id: String, date: String, track: String, car: String, bestLap: String, laps: String, reference: String
    }

    let s: WebStrings
    let empty: Bool
    let rows: [Row]
    let olderHref: String?
    let newestHref: String?

    init(_ input: SessionsPageInput, chrome: PageChrome) {
        let format = chrome.format, strings = chrome.strings
        s = strings
        empty = input.items.isEmpty
        rows = input.items.map {
            Row(
                id: $0.id, date: format.dateTime($0.startedAt), track: $0.track, car: $0.car, bestLap: format.lapTime($0.bestLap),
                laps: "\($0.validLaps)", reference: strings.referenceReason($0.referenceReason))
        }
        olderHref = input.nextCursor.map { "/sessions?cursor=\($0)" }
        newestHref = input.isFirstPage ? nil : "/sessions"
    }
}
