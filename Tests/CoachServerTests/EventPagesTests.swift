import CoachServer
import EndurancePlanner
import Foundation
import Storage
import Testing

/// The team event pages end to end on the real server and store: a driver sees the events of
/// the teams their Discord account belongs to (others get the same 404 as a missing event), the
/// published plan in their time zone and language with their own stints marked, and marks hours
/// on their own clock through a form that needs the page's CSRF token and a same-site origin.
@Suite struct EventPagesTests {
    static let guild = "290926798626357999"
    static let alicesAccount = "80351110224678913"
    static let start = Date(timeIntervalSince1970: 1_907_841_600)  // 2030-06-16 12:00 UTC

    /// Alice's Discord account signs in as alice and is signed up (Istanbul) for event 1, whose
    /// two-stint plan (alice, then a driver named with markup) is published.
    private func setUp(_ database: TrailbrakeDatabase) async throws {
        _ = try await DiscordSignInRepository(database: database).link(discordUser: Self.alicesAccount, driverID: 1)
        let team = TeamRepository(database: database)
        _ = try await team.createEvent(TeamEventRecord(
            guildID: Self.guild, name: "Le Mans <24>", track: "Sarthe", start: Self.start, lengthMinutes: 120, stintMinutes: 60,
            maxDrivingMinutes: 360, minRestMinutes: 0, cars: [TeamCarRecord(carID: "car1", name: "Car 1", category: "sports_car")],
            createdBy: "1"))
        for (user, member, name) in [(Self.alicesAccount, 1, "Alice A"), ("80351110224678999", 2, "<script>x</script>")] {
            try await team.register(TeamRegistration(
                guildID: Self.guild, eventID: 1, userID: user, memberID: member, displayName: name, timeZone: "Europe/Istanbul",
                language: nil, licencesJSON: "{}"))
        }
        let plan = StintPlan(cars: [CarPlan(carID: "car1", captain: DriverID(Self.alicesAccount), stints: [
            PlannedStint(number: 1, time: TimeRange(start: Self.start, minutes: 60), driver: DriverID(Self.alicesAccount)),
            PlannedStint(number: 2, time: TimeRange(start: Self.start.addingTimeInterval(3_600), minutes: 60), driver: DriverID("80351110224678999")),
        ])])
        try await team.propose(planJSON: String(decoding: try JSONEncoder().encode(plan), as: UTF8.self), guildID: Self.guild, eventID: 1, actorID: "1")
        _ = try await team.publish(guildID: Self.guild, eventID: 1, actorID: "1") { _, _ in [] }
    }

    @Test func aDriverSeesTheirTeamsPlanInTheirZoneAndLanguageAndOthersGet404() async throws {
        try await ListenTestServer.with { server in
            try await setUp(server.database)
            #expect(try await server.request(.get, "/events").status == .unauthorized)
            let bob = try #require(try await server.signIn(try await server.mintLink(driverID: 2)).cookieValue)
            let bobsList = try await server.request(.get, "/events", cookie: bob)
            #expect(bobsList.status == .ok && bobsList.body.contains("No event of your teams yet"), "\(bobsList.body)")
            #expect(try await server.request(.get, "/events/\(Self.guild)/1", cookie: bob).status == .notFound, "not his team")
            let alice = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            let list = try await server.request(.get, "/events", cookie: alice)
            #expect(list.body.contains(#"<a href="/events/\#(Self.guild)/1">Le Mans &lt;24&gt;</a>"#), "\(list.body)")
            #expect(list.body.contains("signed up"))
            #expect(try await server.request(.get, "/events/\(Self.guild)/2", cookie: alice).status == .notFound)
            #expect(try await server.request(.get, "/events/abc/1", cookie: alice).status == .notFound)

            let page = try await server.request(
                .get, "/events/\(Self.guild)/1", cookie: alice, cookies: ["trailbrake_tz": "Europe/Istanbul", "trailbrake_lang": "tr"])
            #expect(page.status == .ok)
            #expect(page.body.contains("Saatler şu dilimde: Europe/Istanbul"), "\(page.body)")
            // 12:00 UTC is 15:00 in Istanbul; the second driver's markup is text.
            #expect(page.body.contains(#"<tr class="mine"><td>16 Haz 2030 15:00–16:00</td><td>Car 1</td>"#), "\(page.body)")
            #expect(page.body.contains("&lt;script&gt;x&lt;/script&gt;") && !page.body.contains("<script>x"))
            #expect(page.body.contains("<dt>Kaptan Car 1</dt><dd>Alice A</dd>"))
            // Before the page's script has set the browser's zone: the zone she signed up with.
            let signUpZone = try await server.request(.get, "/events/\(Self.guild)/1", cookie: alice)
            #expect(signUpZone.body.contains("Times in Europe/Istanbul") && signUpZone.body.contains("<td>16 Jun 2030 at 15:00–16:00</td>"), "\(signUpZone.body)")
            let english = try await server.request(.get, "/events/\(Self.guild)/1", cookie: alice, cookies: ["trailbrake_tz": "America/New_York"])
            #expect(english.body.contains("<td>16 Jun 2030 at 8:00–9:00</td>") && english.body.contains("Times in America/New_York"), "\(english.body)")
        }
    }

    /// The issue's "per guild (default) and per user (override)": the sign-up's language, else the
    /// guild's, unless the reader chose one on the web.
    @Test func thePageIsInTheReadersTeamLanguageUnlessTheyChoseOne() async throws {
        try await ListenTestServer.with { server in
            try await setUp(server.database)
            let team = TeamRepository(database: server.database)
            let alice = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            let path = "/events/\(Self.guild)/1"
            #expect(try await server.request(.get, path, cookie: alice).body.contains("Times in Europe/Istanbul"), "English until the guild says")
            try await team.setLanguage(.turkish, guildID: Self.guild, actorID: "1")
            #expect(try await server.request(.get, path, cookie: alice).body.contains("Saatler şu dilimde: Europe/Istanbul"))
            #expect(try await server.request(.get, path, cookie: alice, cookies: ["trailbrake_lang": "en"]).body.contains("Times in"))
            #expect(try await server.request(.get, path + "?lang=en", cookie: alice).body.contains("Times in"))
            // Her own choice at sign-up wins over the guild's.
            try await team.register(TeamRegistration(
                guildID: Self.guild, eventID: 1, userID: Self.alicesAccount, memberID: 1, displayName: "Alice A", timeZone: "Europe/Istanbul",
                language: "en", licencesJSON: "{}"))
            #expect(try await server.request(.get, path, cookie: alice).body.contains("Times in Europe/Istanbul"))
        }
    }

    @Test func hoursAreMarkedOnTheDriversClockOnlyWithThePagesToken() async throws {
        try await ListenTestServer.with { server in
            try await setUp(server.database)
            let alice = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            let csrf = try #require(try await BrowserSessionTokens.csrf(of: alice, on: server))
            let path = "/events/\(Self.guild)/1/available"
            let team = TeamRepository(database: server.database)
            #expect(try await server.request(.post, path, cookie: alice, form: "day=2030-06-15&hour=14&hours=3").status == .forbidden)
            let crossSite = try await server.request(
                .post, path, cookie: alice, origin: "https://evil.example", form: "csrf=\(csrf)&day=2030-06-15&hour=14&hours=3")
            #expect(crossSite.status == .forbidden)
            #expect(try await team.availability(guildID: Self.guild, eventID: 1).isEmpty)

            let marked = try await server.request(
                .post, path, cookie: alice, form: "csrf=\(csrf)&day=2030-06-15&hour=14&hours=3&preferred=1", cookies: ["trailbrake_tz": "UTC"])
            #expect(marked.status == .ok && marked.body.contains("Marked."), "\(marked.body)")
            // 14:00-17:00 in Istanbul, shown to a reader in UTC as 11:00-14:00.
            #expect(marked.body.contains("<li>15 Jun 2030 at 11:00–14:00 (preferred)</li>"), "\(marked.body)")
            let stored = try await team.availability(guildID: Self.guild, eventID: 1)[Self.alicesAccount]
            #expect(stored == [TeamAvailabilitySpan(year: 2030, month: 6, day: 15, hour: 14, hours: 3, preferred: true)])
            let log = try await team.auditLog(guildID: Self.guild, limit: 5)
            #expect(log.last?.action == .availability && log.last?.after == "2030-06-15 14:00 +3h preferred" && log.last?.actorID == Self.alicesAccount)
            let impossible = try await server.request(.post, path, cookie: alice, form: "csrf=\(csrf)&day=2030-02-30&hour=14&hours=3")
            #expect(impossible.status == .badRequest && impossible.body.contains("That is not a time on your calendar"))
            #expect(try await server.request(.post, path, cookie: alice, form: "csrf=\(csrf)&day=2030-06-15&hour=24&hours=3").status == .badRequest)
            #expect(try await server.request(.post, path, cookie: alice, form: "csrf=\(csrf)&day=2030-06-16&hour=9&hours=49").status == .badRequest)
            // The server allows two spans per driver here: the second fits, the third is refused.
            #expect(try await server.request(.post, path, cookie: alice, form: "csrf=\(csrf)&day=2030-06-16&hour=9&hours=48").status == .ok)
            let third = try await server.request(.post, path, cookie: alice, form: "csrf=\(csrf)&day=2030-06-17&hour=9&hours=1")
            #expect(third.status == .conflict && third.body.contains("as many spans"))
            // Bob is no team member: the same 404 as a missing event.
            let bob = try #require(try await server.signIn(try await server.mintLink(driverID: 2)).cookieValue)
            let bobsCSRF = try #require(try await BrowserSessionTokens.csrf(of: bob, on: server))
            #expect(try await server.request(.post, path, cookie: bob, form: "csrf=\(bobsCSRF)&day=2030-06-15&hour=14&hours=3").status == .notFound)
        }
    }
}
