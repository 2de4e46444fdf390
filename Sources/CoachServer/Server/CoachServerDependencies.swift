import Integration
import Storage
import Tracing

/// The parts the server needs from Storage, Coaching and Voice, behind the seams in `Seams/`.
/// The `trailbrake` executable wires the real ones; tests pass in-memory fakes.
public struct CoachServerDependencies: Sendable {
    public var authenticator: any DriverAuthenticator
    public var coachFactory: any LiveCoachFactory
    public var sessionStore: any SessionStore
    public var reader: any DriverDataReader
    public var databaseHealth: any DatabaseHealthCheck
    /// The iRacing results poller's state for `/health`; nil when the poller is off.
    public var resultsPollerHealth: (any BackgroundServiceHealth)?
    /// Voice clips for cues; nil serves text only (drivers asking for voice get no clips).
    public var voice: (any CueVoice)?
    /// Where finished laps and cues are offered for team channels (the Discord bot); nil for none.
    public var coachingFeed: (any CoachingFeedSink)?
    /// Files for laps that failed to store and do not fit in memory (or are left at shutdown);
    /// nil keeps them in memory only (a lap past twice the memory bound is then lost, loudly).
    public var lapSpill: (any PendingLapSpill)?
    /// The laps in progress's spool (the coach factory's), watched in `/metrics`; nil when off.
    public var lapSpool: LapChunkSpool?
    /// Sign-in for the listen page (login links, browser sessions); nil: the page cannot sign
    /// browsers in, and only a driver token opens the listen socket.
    public var browserSessions: (any BrowserSessionStore)?
    /// "Sign in with Discord": the OAuth client and who each account is; both needed, else the
    /// pages offer only login links.
    public var discordSignIn: (any DiscordSignInProvider)?
    public var discordUsers: (any DiscordSignInDirectory)?
    /// `/admin`: drivers and tokens, and the background services' state; nil: no admin page.
    public var adminConsole: (any AdminConsole)?
    public var adminStatus: (any AdminStatusSource)?
    /// `/team`: who shares with the reader's teams, and the messages sent to drivers; nil: no team page.
    public var teamDirectory: (any TeamDirectory)?
    /// `/references`: the library and imports into it; nil: no references page.
    public var referenceShelf: (any ReferenceShelf)?
    /// `/events`: the team event pages (docs/team.md); nil: no such pages.
    public var teamEvents: (any TeamEventBoard)?
    /// The references stored sessions were coached against (the web pages' lap charts); nil
    /// draws laps alone.
    public var references: (any ReferenceLapSource)?
    /// Queues outside the server whose depth `/metrics` shows (the Discord bot's DM queue and feed).
    public var queueDepths: [any QueueDepthSource] = []
    /// Where spans go (REST requests, sampled live batches, lap stores); nil: tracing is off
    /// and nothing is spent on it. `[tracing]` in the configuration; ServerTracing makes one.
    public var tracer: (any Tracer)?

    public init(
        authenticator: any DriverAuthenticator, coachFactory: any LiveCoachFactory, sessionStore: any SessionStore,
        reader: any DriverDataReader, databaseHealth: any DatabaseHealthCheck,
        resultsPollerHealth: (any BackgroundServiceHealth)? = nil, voice: (any CueVoice)? = nil,
        coachingFeed: (any CoachingFeedSink)? = nil, lapSpill: (any PendingLapSpill)? = nil,
        browserSessions: (any BrowserSessionStore)? = nil
    ) {
        self.lapSpill = lapSpill
        self.browserSessions = browserSessions
        self.voice = voice
        self.coachingFeed = coachingFeed
        self.authenticator = authenticator
        self.coachFactory = coachFactory
        self.sessionStore = sessionStore
        self.reader = reader
        self.databaseHealth = databaseHealth
        self.resultsPollerHealth = resultsPollerHealth
    }
}
