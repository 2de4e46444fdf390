import Foundation

/// `/events`: the endurance events of the reader's teams (the guilds where their linked Discord
/// account is a team member or signed up).
public struct EventsPageInput: Sendable {
    public struct Event: Sendable {
        public var guildID: String, eventID: Int, name: String, track: String, start: Date, lengthMinutes: Int, signedUp: Bool
        public init(guildID: String, eventID: Int, name: String, track: String, start: Date, lengthMinutes: Int, signedUp: Bool) {
            (self.guildID, self.eventID, self.name, self.track, self.start, self.lengthMinutes, self.signedUp) =
                (guildID, eventID, name, track, start, lengthMinutes, signedUp)
        }
    }

    public var events: [Event]
    public init(events: [Event]) { self.events = events }
}

/// `/events/{guild}/{id}`: the newest published plan in the reader's time zone and language,
/// their own stints, their marked hours and the form to mark more on their own clock.
public struct EventPageInput: Sendable {
    public struct Stint: Sendable {
        public var car: String, number: Int, start: Date, end: Date, driver: String, spotter: String?, mine: Bool
        public init(car: String, number: Int, start: Date, end: Date, driver: String, spotter: String?, mine: Bool) {
            (self.car, self.number, self.start, self.end, self.driver, self.spotter, self.mine) = (car, number, start, end, driver, spotter, mine)
        }
    }

    public struct Span: Sendable {
        public var start: Date, end: Date, preferred: Bool
        public init(start: Date, end: Date, preferred: Bool) { (self.start, self.end, self.preferred) = (start, end, preferred) }
    }

    /// What the marking form did.
    public enum Outcome: Sendable { case marked, invalidSpan, limitReached, notSignedUp }

    public var event: EventsPageInput.Event
    /// nil: nothing published yet.
    public var version: Int?
    public var captains: [(car: String, name: String)]
    public var stints: [Stint]
    /// The zone the reader signed up with (their marking clock); nil: not signed up.
    public var signUpZone: String?
    public var marked: [Span]
    public var outcome: Outcome?
    /// The broadcast form, for a team admin only.
    public var broadcast: EventBroadcastPanel?
    /// The reader's language for this team (chosen at sign-up, else the guild's): the page's
    /// language unless they chose one on the web.
    public var teamLanguage: WebLanguage?

    public init(
        event: EventsPageInput.Event, version: Int?, captains: [(car: String, name: String)], stints: [Stint], signUpZone: String?,
        marked: [Span], outcome: Outcome? = nil
    ) {
        self.event = event
        self.version = version
        self.captains = captains
        self.stints = stints
        self.signUpZone = signUpZone
        self.marked = marked
        self.outcome = outcome
    }
}

struct EventsView {
    struct Row { let href: String, name: String, track: String, start: String, length: String, signedUp: Bool }
    let e: EventStrings
    let rows: [Row]
    let empty: Bool

    init(_ input: EventsPageInput, chrome: PageChrome) {
        let format = chrome.format
        e = EventStrings.of(chrome.language)
        rows = input.events.map { event in
            Row(
                href: EventView.href(event), name: event.name, track: event.track, start: format.dateTime(event.start),
                length: format.number(Double(event.lengthMinutes) / 60, decimals: event.lengthMinutes % 60 == 0 ? 0 : 1), signedUp: event.signedUp)
        }
        empty = rows.isEmpty
    }
}

struct EventView {
    struct Row { let time: String, car: String, number: String, driver: String, spotter: String, mine: Bool }
    struct Captain { let car: String, name: String }
    struct Marked { let time: String, preferred: Bool }
    let e: EventStrings
    let name: String, track: String, start: String, zone: String, action: String, csrf: String
    let version: String?
    let captains: [Captain]
    let hasCaptains: Bool
    let rows: [Row]
    let mine: [Row]
    let noStints: Bool
    let signUpZone: String?
    let marked: [Marked]
    let noHours: Bool
    let notice: String?
    let broadcast: BroadcastView?

    static func href(_ event: EventsPageInput.Event) -> String { "/events/\(event.guildID)/\(event.eventID)" }

    /// "16 Jun 2030 at 8:00–9:00": the end's day only when it differs from the start's (in the reader's zone).
    static func span(_ start: Date, _ end: Date, chrome: PageChrome) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = chrome.timeZone
        guard calendar.isDate(start, inSameDayAs: end) else { return chrome.format.dateTime(start) + "–" + chrome.format.dateTime(end) }
        var time = Date.FormatStyle(date: .omitted, time: .shortened, locale: chrome.language.locale, calendar: calendar)
        time.timeZone = chrome.timeZone
        return chrome.format.dateTime(start) + "–" + end.formatted(time)
    }

    init(_ input: EventPageInput, chrome: PageChrome) {
        let format = chrome.format
        let words = EventStrings.of(chrome.language)
        e = words
        name = input.event.name
        track = input.event.track
        start = format.dateTime(input.event.start)
        zone = chrome.timeZone.identifier
        action = Self.href(input.event) + "/available"
        csrf = chrome.csrfToken ?? ""
        version = input.version.map(String.init)
        captains = input.captains.map { Captain(car: $0.car, name: $0.name) }
        hasCaptains = !captains.isEmpty
        rows = input.stints.map {
            Row(
                time: Self.span($0.start, $0.end, chrome: chrome), car: $0.car, number: String($0.number), driver: $0.driver,
                spotter: $0.spotter ?? "–", mine: $0.mine)
        }
        mine = rows.filter(\.mine)
        noStints = mine.isEmpty
        signUpZone = input.signUpZone
        marked = input.marked.map { Marked(time: Self.span($0.start, $0.end, chrome: chrome), preferred: $0.preferred) }
        noHours = marked.isEmpty
        notice = switch input.outcome {
        case .marked: words.marked
        case .invalidSpan: words.invalidSpan
        case .limitReached: words.limitReached
        case .notSignedUp: words.notSignedUp
        case nil: nil
        }
        broadcast = input.broadcast.map { BroadcastView($0, href: Self.href(input.event), chrome: chrome) }
    }
}

extension WebPageRenderer {
    public func events(_ input: EventsPageInput, chrome: PageChrome) -> String {
        page("events", EventsView(input, chrome: chrome), title: EventStrings.of(chrome.language).title, chrome: chrome)
    }

    public func event(_ input: EventPageInput, chrome: PageChrome) -> String {
        page("event", EventView(input, chrome: chrome), title: input.event.name, chrome: chrome)
    }
}
