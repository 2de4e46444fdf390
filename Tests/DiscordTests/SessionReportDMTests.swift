import CoachServer
import Coaching
import Foundation
import Integration
import LoadTesting
import Storage
import Testing

@testable import Discord

/// Issue 16: when a session ends the bot DMs its plain-text report, through the persistent DM
/// queue, to each Discord user who linked the driver (once per user, in the session's language);
/// a driver linked nowhere gets nothing.
@Suite(.enabled(if: DiscordFixtures.available), .timeLimit(.minutes(1)))
struct SessionReportDMTests {
    /// Stands in for the executable's adapter (`StorageSessionReports`): the report text per session.
    struct FixedSessionReports: SessionReportTextSource {
        let texts: [String: [String: String]]
        func reportText(sessionID: String, driverID: Int64, language: String) async throws -> String? {
            texts[sessionID]?[language]
        }
    }

    static let reports = FixedSessionReports(texts: [
        "s-ana": ["en": "Best lap 1:32.100 (lap 3)", "tr": "En iyi tur 1:32.100 (tur 3)"],
        "s-bob": ["en": "Best lap 1:40.000 (lap 2)"],
    ])

    @Test func aLinkedDriverGetsTheReportByDMOnceAndAnUnlinkedOneNothing() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake, sessionReports: Self.reports) { running in
                try await running.waitUntilReady()
                // ana linked by the same member in two guilds: one DM, not two.
                _ = try await running.link("ana", userID: "4242")
                _ = try await running.link("ana", guild: "9001", userID: "4242")
                let drivers = DriverRepository(database: running.database)
                let ana = try #require(try await drivers.driver(named: "ana"))
                let bob = try await drivers.createDriver(name: "bob")
                running.bot.feed.offer(.sessionEnded(SessionEndedEvent(driverName: "bob", driverID: bob.id, sessionID: "s-bob", language: "en")))
                running.bot.feed.offer(.sessionEnded(SessionEndedEvent(driverName: "ana", driverID: ana.id, sessionID: "s-ana", language: "tr")))
                try await eventually("ana's report delivered") { await fake.rest.messages(in: "dm4242").count == 1 }
                let content = await fake.rest.messages(in: "dm4242")[0].payloadObject["content"] as? String ?? ""
                #expect(content == "Trailbrake · s-ana oturumu\nEn iyi tur 1:32.100 (tur 3)", "\(content)")
                let posted = await fake.rest.posted
                #expect(posted.allSatisfy { $0.channel == "dm4242" }, "no channel post, no DM for bob")
                // Discord has the DM a moment before the queue records it as sent.
                try await eventually("the queue drained") { (try? await running.repository.pendingDirectMessages().isEmpty) == true }
            }
        }
    }
}

/// The whole path: a session streamed to the real server, whose end offers `sessionEnded` to the
/// bot's queue; the bot reads the stored session's report (as `trailbrake serve` wires it) and
/// the linked driver gets it by DM.
@Suite(.enabled(if: DiscordFixtures.available), .timeLimit(.minutes(2)))
struct SessionReportDMEndToEndTests {
    /// What the executable's `StorageSessionReports` does, from the test's side of the seam.
    struct StoredReports: SessionReportTextSource {
        let database: TrailbrakeDatabase
        func reportText(sessionID: String, driverID: Int64, language: String) async throws -> String? {
            try await StorageBackedReader(database: database).report(sessionID: sessionID, driverID: driverID)?
                .text(language: CueLanguage(rawValue: language) ?? .english)
        }
    }

    @Test func aSessionThatEndsIsReportedToTheLinkedDriver() async throws {
        let (library, laps) = try SprintLap.make(seconds: 15)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-dm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try TrailbrakeDatabase(path: directory.appendingPathComponent("trailbrake.sqlite").path)
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake, database: database, sessionReports: StoredReports(database: database)) { running in
                try await running.waitUntilReady()
                _ = try await running.link("ana", userID: "4242")
                try await CoachServerFeedingBot.with(library: library, feed: running.bot.feed, driverName: "ana", database: database) { server in
                    var options = LoadOptions(url: server.liveURL, tokens: [server.token])
                    options.batchSize = 6
                    _ = try await StreamReplay(options: options, laps: laps, clipsDirectory: nil).replay { _ in }
                }
                try await eventually("the report DMed") { await fake.rest.messages(in: "dm4242").count == 1 }
                let content = await fake.rest.messages(in: "dm4242")[0].payloadObject["content"] as? String ?? ""
                print("DM:", content)
                let lines = content.split(separator: "\n")
                #expect(content.hasPrefix("Trailbrake · ") && lines.count >= 2, "\(content)")
                let sessionID = String(lines[0].dropFirst("Trailbrake · ".count))
                let ana = try #require(try await DriverRepository(database: database).driver(named: "ana"))
                let stored = try await StoredReports(database: database).reportText(sessionID: sessionID, driverID: ana.id, language: "en")
                #expect(stored.map { lines.dropFirst().joined(separator: "\n") == $0 } == true, "the stored session's own report")
            }
        }
    }
}
