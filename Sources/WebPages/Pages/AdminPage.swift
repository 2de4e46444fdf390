import Foundation

/// `/admin`: drivers and tokens (create, revoke), the Discord bot's queues and the iRacing
/// poller's state with its recent cycles.
public struct AdminPageInput: Sendable {
    public struct Driver: Sendable {
        public var id: Int64, name: String, createdAt: Date
        public init(id: Int64, name: String, createdAt: Date) { (self.id, self.name, self.createdAt) = (id, name, createdAt) }
    }

    public struct Token: Sendable {
        public var id: Int64, driverName: String, label: String?, createdAt: Date, expiresAt: Date?
        /// `active`, `expired` or `revoked`.
        public var status: String
        public init(id: Int64, driverName: String, label: String?, createdAt: Date, expiresAt: Date?, status: String) {
            (self.id, self.driverName, self.label, self.createdAt, self.expiresAt, self.status) = (id, driverName, label, createdAt, expiresAt, status)
        }
    }

    public struct Cycle: Sendable {
        public var endedAt: Date, membersChecked: Int, resultsFetched: Int, postsPublished: Int, errors: [String]
        public init(endedAt: Date, membersChecked: Int, resultsFetched: Int, postsPublished: Int, errors: [String]) {
            (self.endedAt, self.membersChecked, self.resultsFetched, self.postsPublished, self.errors) =
                (endedAt, membersChecked, resultsFetched, postsPublished, errors)
        }
    }

    public struct Poller: Sendable {
        public var state: String, lastSuccess: Date?, lastError: String?, trackedDrivers: Int, pendingPosts: Int, cycles: [Cycle]
        public init(state: String, lastSuccess: Date?, lastError: String?, trackedDrivers: Int, pendingPosts: Int, cycles: [Cycle]) {
            (self.state, self.lastSuccess, self.lastError, self.trackedDrivers, self.pendingPosts, self.cycles) =
                (state, lastSuccess, lastError, trackedDrivers, pendingPosts, cycles)
        }
    }

    /// What the last form did, said at the top of the page.
    public enum Outcome: Sendable {
        case driverCreated(String)
        case nameTaken
        case invalidName
        case tokenCreated(driver: String, token: String)
        case tokenRevoked
        case noSuchToken
        case noSuchDriver
    }

    public var drivers: [Driver]
    public var tokens: [Token]
    public var outcome: Outcome?
    /// nil: the bot is off.
    public var discordQueues: (feed: Int, directMessages: Int?)?
    public var poller: Poller?

    public init(drivers: [Driver], tokens: [Token], outcome: Outcome?, discordQueues: (feed: Int, directMessages: Int?)?, poller: Poller?) {
        self.drivers = drivers
        self.tokens = tokens
        self.outcome = outcome
        self.discordQueues = discordQueues
        self.poller = poller
    }
}

struct AdminView {
    struct DriverRow { let id: String, name: String, created: String }
    struct TokenRow { let id: String, driver: String, label: String, created: String, expires: String, status: String, active: Bool }
    struct CycleRow { let ended: String, checked: String, fetched: String, published: String, errors: String, failed: Bool }
    struct Status { let label: String, value: String }

    let a: AdminStrings
    let csrf: String
    let notice: String?
    let newToken: String?
    let drivers: [DriverRow]
    let tokens: [TokenRow]
    let discord: [Status]
    let iracing: [Status]
    let cycles: [CycleRow]
    let noCycles: Bool

    init(_ input: AdminPageInput, chrome: PageChrome) {
        let format = chrome.format, words = AdminStrings.of(chrome.language)
        a = words
        csrf = chrome.csrfToken ?? ""
        switch input.outcome {
        case .driverCreated(let name): notice = words.driverCreated + " " + name
        case .nameTaken: notice = words.nameTaken
        case .invalidName: notice = words.invalidName
        case .tokenCreated(let driver, _): notice = words.tokenCreated + " " + driver
        case .tokenRevoked: notice = words.tokenRevoked
        case .noSuchToken: notice = words.noSuchToken
        case .noSuchDriver: notice = words.noSuchDriver
        case nil: notice = nil
        }
        if case .tokenCreated(_, let token) = input.outcome { newToken = token } else { newToken = nil }
        drivers = input.drivers.map { DriverRow(id: "\($0.id)", name: $0.name, created: format.dateTime($0.createdAt)) }
        tokens = input.tokens.map {
            TokenRow(
                id: "\($0.id)", driver: $0.driverName, label: $0.label ?? "–", created: format.dateTime($0.createdAt),
                expires: $0.expiresAt.map(format.dateTime) ?? words.never, status: words.status($0.status), active: $0.status == "active")
        }
        discord = input.discordQueues.map { queues in
            [Status(label: words.feedQueue, value: "\(queues.feed)"), Status(label: words.dmQueue, value: queues.directMessages.map { "\($0)" } ?? "–")]
        } ?? [Status(label: words.state, value: words.off)]
        if let poller = input.poller {
            iracing = [
                Status(label: words.state, value: poller.state), Status(label: words.lastSuccess, value: poller.lastSuccess.map(format.dateTime) ?? "–"),
                Status(label: words.lastError, value: poller.lastError ?? "–"), Status(label: words.trackedDrivers, value: "\(poller.trackedDrivers)"),
                Status(label: words.pendingPosts, value: "\(poller.pendingPosts)"),
            ]
            cycles = poller.cycles.map {
                CycleRow(
                    ended: format.dateTime($0.endedAt), checked: "\($0.membersChecked)", fetched: "\($0.resultsFetched)",
                    published: "\($0.postsPublished)", errors: $0.errors.isEmpty ? "–" : $0.errors.joined(separator: ", "), failed: !$0.errors.isEmpty)
            }
        } else {
            iracing = [Status(label: words.state, value: words.off)]
            cycles = []
        }
        noCycles = cycles.isEmpty
    }
}
