import EndurancePlanner
import Foundation
import Storage
import Testing

@testable import Discord

/// The edges: configured bounds refused by name through the commands, `/event show` paged under
/// Discord's 2,000 characters, and a plan DM too long for one message resumed after its part
/// already sent when the bot restarts.
@Suite(.needsLeagueData, .serialized, .timeLimit(.minutes(3)))
struct TeamLimitsAndPagingTests {
    typealias I = LeagueInteraction
    static let guild = LeagueHarness.guild
    static let start = Date(timeIntervalSince1970: 1_907_755_200)  // 2030-06-15 12:00 UTC

    /// An event stored as `/event create` would, with `ana` signed up in `zone`.
    private static func arrange(_ repository: TeamRepository, zone: String = "UTC") async throws {
        _ = try await repository.createEvent(TeamEventRecord(
            guildID: guild, name: "Spa 24", track: "Spa", start: start, lengthMinutes: 2_880, stintMinutes: 60, maxDrivingMinutes: 2_880,
            minRestMinutes: 0, cars: [TeamCarRecord(carID: "car1", name: "Car 1", category: "sports_car"),
                                      TeamCarRecord(carID: "car2", name: "Car 2", category: "sports_car")],
            createdBy: TeamPeople.admin))
        try await repository.register(TeamRegistration(
            guildID: guild, eventID: 1, userID: TeamPeople.ana, memberID: 1, displayName: "Ana", timeZone: zone, language: nil, licencesJSON: "{}"))
    }

    /// `stints` one-hour stints per car, all driven by ana (a plan the store keeps as given).
    private static func propose(_ repository: TeamRepository, stints: Int) async throws {
        let plan = StintPlan(cars: ["car1", "car2"].map { car in
            CarPlan(carID: car, captain: DriverID(TeamPeople.ana), stints: (1...stints).map { number in
                PlannedStint(number: number, time: TimeRange(start: start.addingTimeInterval(Double(number - 1) * 3_600), minutes: 60),
                             driver: DriverID(TeamPeople.ana))
            })
        })
        try await repository.propose(planJSON: try TeamPlanning.planJSON(plan), guildID: guild, eventID: 1, actorID: TeamPeople.admin)
    }

    private static func admin(_ sub: String, _ options: [[String: any Sendable]] = [I.integer("event", 1)]) -> LeagueInteraction {
        I.team(sub, options, by: TeamPeople.admin, roles: [], admin: true)
    }

    @Test func boundsAreRefusedByNameThroughTheCommands() async throws {
        let limits = TeamLimits(eventsPerGuild: 1, driversPerEvent: 1, spansPerDriver: 1, carsPerEvent: 2, rolesPerGuild: 2, textLength: 12)
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake, team: TeamConfiguration(limits: limits)) { team in
                let repository = try #require(team.team?.repository)
                try await team.mapMemberRole()
                let long = try await team.send(Self.admin("create", [
                    I.option("name", "Thirteen char"), I.option("track", "Spa"), I.option("start", "2030-06-15 12:00"), I.integer("hours", 3),
                    I.integer("stint_minutes", 60),
                ]))
                #expect(long.content == "Names may have at most 12 characters.", "\(long.content)")
                let cars = try await team.send(I.createEvent(cars: 3))
                #expect(cars.content == "That would pass a limit of this server (cars_per_event).", "\(cars.content)")
                let short = try await team.send(Self.admin("create", [
                    I.option("name", "Twelve chars"), I.option("track", "Spa"), I.option("start", "2030-06-15 12:00"), I.integer("hours", 3),
                    I.integer("stint_minutes", 19),
                ]))
                #expect(short.content.hasPrefix("The race must last 1 to 48 hours, with stints of 20 minutes"), "\(short.content)")
                #expect(try await team.send(I.createEvent(cars: 2)).content.hasPrefix("Event 1 created"))
                let second = try await team.send(I.createEvent())
                #expect(second.content == "That would pass a limit of this server (events_per_guild).", "\(second.content)")

                try await repository.register(TeamRegistration(
                    guildID: Self.guild, eventID: 1, userID: TeamPeople.ana, memberID: 1, displayName: "Ana", timeZone: "UTC", language: nil,
                    licencesJSON: "{}"))
                #expect(try await team.send(.available(TeamPeople.ana, day: "2030-06-15", hour: 10, hours: 8)).content.hasPrefix("Marked:"))
                let more = try await team.send(.available(TeamPeople.ana, day: "2030-06-15", hour: 20, hours: 2))
                #expect(more.content == "That would pass a limit of this server (spans_per_driver).", "\(more.content)")
                let role = try await team.send(I.team("roles", [I.option("role", "123", type: 8), I.option("level", "admin")],
                                                      by: TeamPeople.admin, roles: [], admin: true, command: "team"))
                #expect(role.content.contains("now gives the team role admin"))
                let role2 = try await team.send(I.team("roles", [I.option("role", "124", type: 8), I.option("level", "admin")],
                                                       by: TeamPeople.admin, roles: [], admin: true, command: "team"))
                #expect(role2.content == "That would pass a limit of this server (roles_per_guild).", "\(role2.content)")
            }
        }
    }

    @Test func theTableIsPagedUnderDiscordsLimitInTheReadersZone() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake, team: TeamConfiguration(showPageLines: 30)) { team in
                let repository = try #require(team.team?.repository)
                try await Self.arrange(repository, zone: "Europe/Istanbul")
                try await Self.propose(repository, stints: 40)
                #expect(try await team.send(Self.admin("publish")).content.hasPrefix("Plan version 1 of Spa 24 published"))
                // Two captains and 80 stints: pages of at most 30 lines and 2,000 characters.
                func show(_ page: Int) async throws -> String {
                    try await team.send(I.team("show", [I.integer("event", 1), I.integer("page", page)], by: TeamPeople.ana)).content
                }
                let first = try await show(1)
                let count = try #require(first.components(separatedBy: "\n").first?.components(separatedBy: " of ").last.flatMap { Int($0) })
                #expect(count >= 3, "82 lines need at least three pages")
                var pages = [first]
                for page in 2...count { pages.append(try await show(page)) }
                #expect(pages.allSatisfy { $0.utf16.count <= 2_000 && $0.components(separatedBy: "\n").count <= 32 })
                #expect(first.hasPrefix("**Spa 24**, plan v1, times in Europe/Istanbul · page 1 of \(count)"), "\(first)")
                #expect(first.hasSuffix("Next page: /event show event:1 page:2"))
                #expect(first.contains("Car 1: captain <@\(TeamPeople.ana)>"))
                #expect(first.contains("`Sat 15 Jun 15:00–16:00` Car 1 #1: <@\(TeamPeople.ana)>"), "UTC 12:00 is 15:00 in Istanbul")
                #expect(pages[count - 1].contains("page \(count) of \(count)") && !pages[count - 1].contains("Next page"))
                #expect(try await show(count + 5) == pages[count - 1], "a page past the end shows the last")
                let lines = pages.flatMap { $0.components(separatedBy: "\n").filter { $0.hasPrefix("`") || $0.contains("captain") } }
                #expect(lines.count == 82 && Set(lines).count == 82, "every stint and captain on exactly one page")
            }
        }
    }

    /// A DM of 40 stints is two messages. The first goes out, the second is refused until the bot
    /// stops; after the restart only the second is sent.
    @Test func aLongPlanDMResumesAfterThePartAlreadySent() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-team-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try TrailbrakeDatabase(path: directory.appendingPathComponent("trailbrake.sqlite").path)
        try await FakeDiscord.with { fake in
            let posts = "channels/dm\(TeamPeople.ana)/messages"
            try await LeagueHarness.with(fake, database: database, team: TeamConfiguration()) { team in
                let repository = try #require(team.team?.repository)
                try await Self.arrange(repository)
                try await Self.propose(repository, stints: 40)
                await fake.rest.refusePosts(beyond: 1)
                _ = try await team.send(Self.admin("publish"))
                try await eventually("the first part sent, the second refused") {
                    let sent = await team.directMessages(to: TeamPeople.ana).count
                    let tried = await fake.rest.requests(matching: "POST", posts).count
                    return sent == 1 && tried >= 5
                }
                #expect(try await team.bot.repository.pendingDirectMessages().first?.sentParts == 1)
            }
            await fake.rest.refusePosts(beyond: nil)
            try await LeagueHarness.with(fake, database: database, team: TeamConfiguration()) { team in
                try await eventually("the queue drained") { (try? await team.bot.repository.pendingDirectMessages().isEmpty) == true }
                let parts = await team.directMessages(to: TeamPeople.ana)
                #expect(parts.count == 2)
                #expect(parts[0].hasPrefix("**Trailbrake · Spa 24** (Spa), plan v1") && !parts[1].hasPrefix("**Trailbrake"))
                #expect(parts.joined(separator: "\n").components(separatedBy: "\n").filter { $0.hasPrefix("• Car") }.count == 80)
            }
        }
    }
}
