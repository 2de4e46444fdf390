import Foundation
import Storage

/// What `/admin` reads and changes: drivers and their tokens (Storage behind it).
public protocol AdminConsole: Sendable {
    /// Drivers by name, at most `limit`.
    func driverList(limit: Int) async throws -> [AdminDriver]
    /// The newest tokens, at most `limit`, newest first.
    func tokenList(limit: Int) async throws -> [AdminToken]
    /// nil when the name is taken.
    func addDriver(name: String) async throws -> AdminDriver?
    /// A new token in clear text (shown once); nil when the driver does not exist.
    func issueToken(driverID: Int64, label: String?) async throws -> String?
    /// False when the token does not exist or was revoked already.
    func revokeToken(id: Int64) async throws -> Bool
}

/// A driver as `/admin` lists them: Storage's own value (name, id, when created).
public typealias AdminDriver = Driver

public struct AdminToken: Sendable, Equatable {
    public enum Status: String, Sendable { case active, expired, revoked }
    public var id: Int64
    public var driverName: String
    public var label: String?
    public var createdAt: Date
    public var expiresAt: Date?
    public var status: Status

    public init(id: Int64, driverName: String, label: String?, createdAt: Date, expiresAt: Date?, status: Status) {
        self.id = id
        self.driverName = driverName
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.status = status
    }
}

/// The background services `/admin` shows: the Discord bot and the iRacing results poller.
public protocol AdminStatusSource: Sendable {
    func adminStatus() async -> AdminStatus
}

public struct AdminStatus: Sendable, Equatable {
    /// nil: the bot is off.
    public var discord: Discord?
    /// nil: the poller is off.
    public var iracing: IRacing?

    public init(discord: Discord?, iracing: IRacing?) {
        self.discord = discord
        self.iracing = iracing
    }

    public struct Discord: Sendable, Equatable {
        /// Live-feed events and direct messages waiting.
        public var feedQueue: Int
        public var directMessageQueue: Int?

        public init(feedQueue: Int, directMessageQueue: Int?) {
            self.feedQueue = feedQueue
            self.directMessageQueue = directMessageQueue
        }
    }

    public struct IRacing: Sendable, Equatable {
        /// The poller's own word: starting, polling, idle, degraded, failing, stopped.
        public var state: String
        public var lastSuccess: Date?
        public var lastError: String?
        public var trackedDrivers: Int
        public var pendingPosts: Int
        /// The most recent cycles, newest first.
        public var cycles: [Cycle]

        public init(state: String, lastSuccess: Date?, lastError: String?, trackedDrivers: Int, pendingPosts: Int, cycles: [Cycle]) {
            self.state = state
            self.lastSuccess = lastSuccess
            self.lastError = lastError
            self.trackedDrivers = trackedDrivers
            self.pendingPosts = pendingPosts
            self.cycles = cycles
        }
    }

    public struct Cycle: Sendable, Equatable {
        public var endedAt: Date
        public var membersChecked: Int
        public var resultsFetched: Int
        public var postsPublished: Int
        /// Stable error codes, first one first.
        public var errors: [String]

        public init(endedAt: Date, membersChecked: Int, resultsFetched: Int, postsPublished: Int, errors: [String]) {
            self.endedAt = endedAt
            self.membersChecked = membersChecked
            self.resultsFetched = resultsFetched
            self.postsPublished = postsPublished
            self.errors = errors
        }
    }
}
