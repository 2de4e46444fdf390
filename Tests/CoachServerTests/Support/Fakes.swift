import CoachServer
import Integration
import Telemetry

/// Tokens for two drivers, so tests can check scoping.
struct FakeAuthenticator: DriverAuthenticator {
    static let alice = AuthenticatedDriver(id: 1, name: "alice")
    static let bob = AuthenticatedDriver(id: 2, name: "bob")
    static let aliceToken = "token-alice-0123456789"
    static let bobToken = "token-bob-9876543210"

    func authenticate(token: String) async throws -> AuthenticatedDriver? {
        switch token {
        case Self.aliceToken: Self.alice
        case Self.bobToken: Self.bob
        default: nil
        }
    }
}

struct FakeDatabaseHealth: DatabaseHealthCheck {
    var healthy = true
    func isDatabaseHealthy() async -> Bool { healthy }
}

/// Everything a test server needs, with handles the test can inspect.
struct TestBackend: Sendable {
    var coachFactory = FakeCoachFactory()
    var store = RecordingSessionStore()
    var reader = FakeDriverData()
    var databaseHealth = FakeDatabaseHealth()
    var resultsPollerHealth: (any BackgroundServiceHealth)?
    var voice: (any CueVoice)?
    var coachingFeed: (any CoachingFeedSink)?
    /// The listen page's sign-in (the real one on an in-memory database: `ListenTestServer`).
    var browserSessions: (any BrowserSessionStore)?
    /// "Sign in with Discord" (`DiscordSignInHarness`: the real client against the fake Discord).
    var discordSignIn: (any DiscordSignInProvider)?
    var discordUsers: (any DiscordSignInDirectory)?
    /// `/admin` (`ListenTestServer` sets the storage-backed console).
    var adminConsole: (any AdminConsole)?
    var adminStatus: (any AdminStatusSource)?
    /// `/references` (`ReferencesPageTests`: the shipped library, imports into a temporary directory).
    var referenceShelf: (any ReferenceShelf)?
    var teamEvents: (any TeamEventBoard)?
    /// Queues outside the server that `/metrics` shows.
    var queueDepths: [any QueueDepthSource] = []

    var dependencies: CoachServerDependencies {
        var dependencies = CoachServerDependencies(
            authenticator: FakeAuthenticator(), coachFactory: coachFactory, sessionStore: store, reader: reader,
            databaseHealth: databaseHealth, resultsPollerHealth: resultsPollerHealth, voice: voice, coachingFeed: coachingFeed,
            browserSessions: browserSessions)
        dependencies.queueDepths = queueDepths
        dependencies.discordSignIn = discordSignIn
        dependencies.discordUsers = discordUsers
        dependencies.adminConsole = adminConsole
        dependencies.teamEvents = teamEvents
        dependencies.adminStatus = adminStatus
        dependencies.referenceShelf = referenceShelf
        return dependencies
    }
}
