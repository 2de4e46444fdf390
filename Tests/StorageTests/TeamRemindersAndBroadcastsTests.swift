import Foundation
import GRDB
import Testing

@testable import Storage

/// The store's side of reminders, broadcasts and deletion: a reminder is queued once however
/// often it is asked for or republished, a broadcast once per person within its daily bound, a
/// closed DM is remembered for the admin, and a deleted event drops its queued DMs (not a
/// broadcast's) and never gives its id again.
@Suite struct TeamRemindersAndBroadcastsTests {
    static let guild = TeamRepositoryTests.guild
    static let start = Date(timeIntervalSince1970: 1_781_000_000)

    private func published(_ fixture: StorageFixture, reminders: [TeamReminder]) async throws -> TeamRepository {
        let repository = TeamRepository(database: fixture.database)
        _ = try await repository.createEvent(TeamRepositoryTests.event())
        try await publish(repository, reminders: reminders)
        return repository
    }

    private func publish(_ repository: TeamRepository, reminders: [TeamReminder]) async throws {
        try await repository.propose(planJSON: "{}", guildID: Self.guild, eventID: 1, actorID: "boss")
        _ = try await repository.publish(guildID: Self.guild, eventID: 1, actorID: "boss") { _, _, _ in
            TeamPublication(messages: [], reminders: reminders)
        }
    }

    private func reminder(_ user: String, stint: Int, startsAt: Date) -> TeamReminder {
        TeamReminder(userID: user, carID: "car0", stintNumber: stint, startsAt: startsAt, content: "stint \(stint) for \(user)")
    }

    @Test func aReminderIsQueuedOnceAtItsLeadTimeEvenWhenRepublished() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let second = Self.start.addingTimeInterval(3_600)
        let repository = try await published(fixture, reminders: [
            reminder("a", stint: 1, startsAt: Self.start), reminder("b", stint: 2, startsAt: second),
        ])
        let dms = DiscordRepository(database: fixture.database)
        let lead: TimeInterval = 1_800
        #expect(try await repository.nextReminderDue(lead: lead) == Self.start.addingTimeInterval(-lead))
        #expect(try await repository.queueDueReminders(now: Self.start.addingTimeInterval(-lead - 1), lead: lead) == 0, "a second early")
        #expect(try await repository.queueDueReminders(now: Self.start.addingTimeInterval(-lead), lead: lead) == 1)
        #expect(try await repository.queueDueReminders(now: Self.start.addingTimeInterval(-lead), lead: lead) == 0, "once")
        let queued = try await dms.pendingDirectMessages()
        #expect(queued.map(\.dedupeKey) == ["team-reminder:\(Self.guild):1:a:car0:1:\(Int(Self.start.timeIntervalSince1970))"])
        #expect(try await repository.nextReminderDue(lead: lead) == second.addingTimeInterval(-lead))
        // A new version keeps a's sent stint and moves b's: a is not reminded again, b's new time counts.
        let later = second.addingTimeInterval(600)
        try await publish(repository, reminders: [reminder("a", stint: 1, startsAt: Self.start), reminder("b", stint: 2, startsAt: later)])
        #expect(try await repository.nextReminderDue(lead: lead) == later.addingTimeInterval(-lead))
        // The server was down through b's lead time and the stint has started: marked, not sent.
        #expect(try await repository.queueDueReminders(now: later.addingTimeInterval(60), lead: lead) == 0)
        #expect(try await repository.nextReminderDue(lead: lead) == nil)
        #expect(try await dms.pendingDirectMessages().count == 1)
    }

    @Test func aBroadcastReachesEachPersonOnceWithinItsDailyBoundAndClosedDMsAreListed() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let repository = TeamRepository(database: fixture.database)
        let dms = DiscordRepository(database: fixture.database)
        let now = Self.start
        let first = try await repository.broadcast(
            guildID: Self.guild, audience: "drivers", recipients: ["a", "b", "a", "c"], actorID: "boss", perDay: 2, at: now, content: "hi")
        #expect(first == (1, 3))
        _ = try await repository.broadcast(guildID: Self.guild, audience: "crew", recipients: ["a"], actorID: "boss", perDay: 2, at: now, content: "x")
        await #expect(throws: StorageError.limitReached("broadcasts_per_day")) {
            _ = try await repository.broadcast(
                guildID: Self.guild, audience: "crew", recipients: ["a"], actorID: "boss", perDay: 2, at: now.addingTimeInterval(86_399), content: "x")
        }
        #expect(try await repository.broadcast(
            guildID: Self.guild, audience: "crew", recipients: ["a"], actorID: "boss", perDay: 2, at: now.addingTimeInterval(86_400), content: "x"
        ).id == 3)
        let pending = try await dms.pendingDirectMessages().filter { $0.dedupeKey?.hasPrefix("team-broadcast:\(Self.guild):1:") == true }
        #expect(pending.map(\.recipientID) == ["a", "b", "c"])
        try await dms.giveUpDirectMessage(try #require(pending.first { $0.recipientID == "c" }), code: 50007)
        try await dms.removeDirectMessage(id: try #require(pending.first { $0.recipientID == "a" }).id)
        let status = try #require(try await repository.broadcastStatus(guildID: Self.guild, broadcastID: 1))
        #expect((status.recipients, status.waiting, status.closed, status.delivered) == (3, 1, ["c"], 1))
        #expect(try await repository.broadcastStatus(guildID: TeamRepositoryTests.other, broadcastID: 1) == nil, "guilds are apart")
    }

    @Test func deletingAnEventDropsItsQueuedPlanDMsAndRemindersButNotBroadcasts() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let repository = TeamRepository(database: fixture.database)
        _ = try await repository.createEvent(TeamRepositoryTests.event())
        try await repository.propose(planJSON: "{}", guildID: Self.guild, eventID: 1, actorID: "boss")
        _ = try await repository.publish(guildID: Self.guild, eventID: 1, actorID: "boss") { _, _, _ in
            TeamPublication(
                messages: [TeamPlanMessage(recipientID: "a", content: "plan")],
                reminders: [reminder("a", stint: 1, startsAt: Self.start)])
        }
        _ = try await repository.queueDueReminders(now: Self.start.addingTimeInterval(-60), lead: 3_600)
        _ = try await repository.broadcast(guildID: Self.guild, audience: "all", recipients: ["a"], actorID: "boss", perDay: 5, content: "hi")
        let result = try await repository.deleteEvent(guildID: Self.guild, eventID: 1, actorID: "boss")
        #expect(result.name == "Le Mans" && result.droppedDMs == 2)
        let left = try await DiscordRepository(database: fixture.database).pendingDirectMessages()
        #expect(left.map(\.dedupeKey) == ["team-broadcast:\(Self.guild):1:a"])
        #expect(try await repository.event(guildID: Self.guild, eventID: 1) == nil)
        #expect(try await repository.nextReminderDue(lead: 0) == nil)
        #expect(try await repository.createEvent(TeamRepositoryTests.event()).eventID == 2, "a deleted event's id is not given again")
        await #expect(throws: StorageError.notFound("event 1")) { _ = try await repository.deleteEvent(guildID: Self.guild, eventID: 1, actorID: "boss") }
        let log = try await repository.auditLog(guildID: Self.guild, limit: 10)
        #expect(log.contains { $0.action == .eventDelete && $0.before == "Le Mans" && $0.after == "dropped_dms=2" })
    }
}
