import Foundation
import Storage
import Synchronization
import Testing

@testable import Discord
@testable import EndurancePlanner
@testable import IRacingFake

/// A clock the test moves: the race is in 2030, the reminders' timer runs on this clock's time.
final class SettableTeamClock: TeamClock {
    private let offset = Mutex<TimeInterval>(0)

    /// From now on, the clock reads `date` (and runs on from there).
    func set(_ date: Date) { offset.withLock { $0 = date.timeIntervalSinceNow } }

    func now() -> Date { Date().addingTimeInterval(offset.withLock { $0 }) }

    func sleep(until date: Date) async throws {
        let seconds = date.timeIntervalSince(now())
        if seconds > 0 { try await Task.sleep(for: .seconds(seconds)) }
    }
}

/// Reminders end to end: the scheduler's one timer wakes at the first reminder due (the stint's
/// start minus the 60-minute lead), the driver gets one DM in their language and zone, and a
/// restart neither repeats it nor loses the next one.
@Suite(.needsLeagueData, .serialized, .timeLimit(.minutes(3)))
struct TeamReminderTests {
    typealias I = LeagueInteraction
    typealias S = TeamScenario

    static func utc(_ text: String) throws -> Date { try #require(EventCreateCommand.parseStart(text)) }

    @Test func eachDriverIsRemindedOnceALeadTimeBeforeTheirStintAcrossARestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-reminders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try TrailbrakeDatabase(path: directory.appendingPathComponent("trailbrake.sqlite").path)
        let clock = SettableTeamClock()
        try clock.set(Self.utc("2030-06-15 09:00"))
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                let drivers = try await LeagueHarness.with(fake, iracing: iracing, database: database, team: TeamConfiguration(), teamClock: clock) {
                    team in
                    try await S.signUp(team)
                    _ = try await team.send(S.admin("plan", [I.integer("event", 1)]))
                    let plan = try await S.editable(team)
                    _ = try await team.send(S.admin("publish", [I.integer("event", 1)]))
                    try await eventually("the plan DMs") { await S.dmCounts(team).values.reduce(0, +) == 3 }
                    // Two seconds before the first reminder is due (11:00 for the 12:00 stint).
                    try clock.set(Self.utc("2030-06-15 10:59").addingTimeInterval(58))
                    team.bot.teamReminders?.wake()
                    let first = plan.cars[0].stints[0].driver.rawValue
                    try await Task.sleep(for: .milliseconds(800))
                    #expect(await team.directMessages(to: first).count == 1, "not before it is due")
                    try await eventually("the first stint's reminder") { await team.directMessages(to: first).count == 2 }
                    let reminder = await team.directMessages(to: first)[1]
                    let registration = try #require(try await team.team?.repository.registration(
                        guildID: LeagueHarness.guild, eventID: 1, userID: first))
                    #expect(reminder.hasPrefix("⏰ **Le Mans 24**") && reminder.contains("(\(registration.timeZone))"), "\(reminder)")
                    #expect(reminder.contains(registration.language == "tr" ? "1. stintiniz 15 Haz Cmt 15:00" : "stint 1 in Car 1 starts Sat 15 Jun 08:00"),
                        "\(reminder)")
                    try await eventually("the queue drained") { (try? await team.bot.repository.pendingDirectMessages().isEmpty) == true }
                    return plan.cars[0].stints.map(\.driver.rawValue)
                }
                // Restarted half an hour later: the first reminder is not sent again; the second comes when due.
                try clock.set(Self.utc("2030-06-15 11:30"))
                try await LeagueHarness.with(fake, iracing: iracing, database: database, team: TeamConfiguration(), teamClock: clock) { team in
                    try await Task.sleep(for: .seconds(1))
                    #expect(await team.directMessages(to: drivers[0]).count == 2, "reminded once across the restart")
                    let secondBefore = await team.directMessages(to: drivers[1]).count
                    try clock.set(Self.utc("2030-06-15 11:59").addingTimeInterval(59))
                    team.bot.teamReminders?.wake()
                    try await eventually("the second stint's reminder") { await team.directMessages(to: drivers[1]).count == secondBefore + 1 }
                    #expect(await team.directMessages(to: drivers[1]).last?.hasPrefix("⏰") == true)
                    #expect(await team.directMessages(to: drivers[0]).count == 2)
                }
            }
        }
    }
}
