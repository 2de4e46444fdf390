import Discord
import Foundation
import IRacing
import Integration
import Logging
import ResultsPoller
import Storage

/// The iRacing results poller publishing through a real bot on a fake Discord, on one database
/// file, as `trailbrake serve` wires them. Each `run` is one process lifetime: a new database
/// connection, bot and poller on the same file, so two runs are a restart.
struct PollerBesideBot {
    static let channel = "600"
    let path: String

    init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("poller-bot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("trailbrake.sqlite").path
    }

    /// Queues `post` in the outbox as the poller decides a post (its result stored with it).
    func queue(_ post: RaceResultPost) async throws {
        let database = try TrailbrakeDatabase(path: path)
        try await DiscordRepository(database: database).updateSettings(guildID: post.guildID.description, resultsChannelID: Self.channel)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let result = IRacingFetchedResult(
            subsessionID: post.subsessionID, startTime: post.startTime, endTime: nil, leagueID: nil, json: Data("{}".utf8),
            memberIDs: post.entries.map(\.memberID))
        _ = try await IRacingResultStore(database: database).record(
            result: result,
            posts: [IRacingOutboxPost(guildID: post.guildID.rawValue, subsessionID: post.subsessionID, payload: try encoder.encode(post))])
    }

    /// A bot and a poller on the file for the body's duration. The bot is connected and has
    /// registered its commands before the body runs, so the body's fault plans (`failNext`)
    /// meet the result posts only.
    func run<T: Sendable>(_ fake: FakeDiscord, _ body: @Sendable (ResultsPollerService) async throws -> T) async throws -> T {
        let database = try TrailbrakeDatabase(path: path)
        return try await RunningBot.with(fake, database: database) { running in
            try await running.waitUntilReady()
            let poller = ResultsPollerService(
                source: NothingTracked(), database: database, publisher: running.bot,
                settings: ResultsPollerSettings(pollInterval: .seconds(3_600), storeLapData: false),
                logger: Logger(label: "poller") { _ in SwiftLogNoOpLogHandler() })
            return try await body(poller)
        }
    }

    func pendingCount() async throws -> Int {
        try await IRacingResultStore(database: try TrailbrakeDatabase(path: path)).outboxCounts().pending
    }
}

/// iRacing for a poller that tracks nobody: a cycle only publishes the outbox, so nothing is asked.
struct NothingTracked: ResultsSource {
    func memberRecentRaces(memberID: Int) async throws(IRacingError) -> MemberRecentRaces { throw .notFound("nobody is tracked") }
    func subsessionResult(subsessionID: Int) async throws(IRacingError) -> (result: SubsessionResult, json: Data) {
        throw .notFound("nobody is tracked")
    }
    func lapDataJSON(subsessionID: Int, simsessionNumber: Int, memberID: Int?, teamID: Int?) async throws(IRacingError) -> Data {
        throw .notFound("nobody is tracked")
    }
    func searchHosted(memberID: Int, leagueID: Int?, finishedAfter: Date) async throws(IRacingError) -> [HostedSession] {
        throw .notFound("nobody is tracked")
    }
}
