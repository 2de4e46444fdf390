import Foundation
import Storage
import Testing

@testable import Discord
@testable import IRacingFake

/// The roster sync end to end: the fake iRacing serves the league roster (the real roster's rows,
/// scripted members), the real iRacing client fetches it for the sync service, and the
/// differences reach the fake Discord's announcement channel once.
@Suite(.needsLeagueData, .serialized, .timeLimit(.minutes(3)))
struct LeagueSyncTests {
    typealias I = LeagueInteraction
    typealias M = FakeWorld.RosterMember
    static let configuration = LeagueConfiguration(manualSyncCooldownSeconds: 0)
    static let admin = I(name: "sync", user: LeagueUsers.admin, permissions: InteractionPayloads.admin)

    static let roster = [
        M(memberID: LeagueMembers.ana, displayName: "Ana Silva", carNumber: "7"),
        M(memberID: LeagueMembers.ben, displayName: "Ben Okafor", carNumber: "08"),
        M(memberID: LeagueMembers.cem, displayName: "Cem Yılmaz", carNumber: nil),
    ]

    /// Ana holds 7 (iRacing: 7), Ben 8 (iRacing: 08), Cem 9 (no number in iRacing); all linked.
    private func claimAndLink(_ league: LeagueHarness) async throws {
        let members = [("7", LeagueUsers.ana, LeagueMembers.ana), ("8", LeagueUsers.ben, LeagueMembers.ben), ("9", LeagueUsers.cem, LeagueMembers.cem)]
        for (number, user, member) in members {
            let claim = try await league.send(I(name: "claim", options: [I.option("number", number)], user: user))
            #expect(claim.content == "**#\(number)** is yours.")
            let link = try await league.send(I(name: "link", options: [I.option("iracing_id", member, type: 4)], user: user))
            #expect(link.type == 5)
            #expect(link.content.contains("found in the league roster"), "\(link.content)")
        }
    }

    @Test func aSyncPostsTheDifferencesOnceAndRecordsThem() async throws {
        try await withLeagueIRacing(rosters: [LeagueMembers.league: Self.roster]) { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, configuration: Self.configuration) { league in
                    try await league.setUp(leagueID: LeagueMembers.league)
                    try await claimAndLink(league)
                    try await eventually("claims announced") { await league.announcements().count == 3 }
                    // Three links, one roster fetch: the later links used the roster the first one synced.
                    #expect(await iracing.state.dataRequests.filter { $0.hasPrefix("/data/league/roster") }.count == 1)

                    let first = try await league.send(Self.admin)
                    #expect(first.type == 5)
                    #expect(first.content.contains("1 match, 1 missing in iRacing, 1 different"), "\(first.content)")
                    #expect(first.content.contains("New differences posted in <#\(LeagueHarness.channel)>: 2."))
                    let posts = await league.announcements()
                    #expect(posts.count == 4, "one message for both differences")
                    #expect(posts.last == """
                        iRacing roster check (league 7058), new differences:
                        **#8** · <@\(LeagueUsers.ben)>: iRacing has **#08**
                        **#9** · <@\(LeagueUsers.cem)>: missing in iRacing
                        """)
                    let claims = try await league.repository.claims(guildID: LeagueHarness.guild)
                    #expect(claims.map(\.syncState) == [.synced, .different, .missing])
                    #expect(claims[1].iracingNumber == "08")
                    let audit = try await league.repository.auditLog(guildID: LeagueHarness.guild, limit: 100)
                    #expect(audit.contains { $0.action == .sync && $0.number == "8" && $0.after == "different:08" && $0.actorID == LeagueUsers.admin })
                    #expect(audit.contains { $0.action == .sync && $0.number == "9" && $0.after == "missing" })

                    // Nothing new: nothing posted, nothing audited.
                    let second = try await league.send(Self.admin)
                    #expect(second.content.contains("No new differences to post."))
                    #expect(await league.announcements().count == 4)
                    #expect(try await league.repository.auditLog(guildID: LeagueHarness.guild, limit: 100).count == audit.count)

                    // Ben fixes his number in iRacing, Cem gets a wrong one: only Cem's new difference is posted.
                    await iracing.state.update { state in
                        state.world.leagueRosters[LeagueMembers.league] = [
                            Self.roster[0], M(memberID: LeagueMembers.ben, displayName: "Ben Okafor", carNumber: "8"),
                            M(memberID: LeagueMembers.cem, displayName: "Cem Yılmaz", carNumber: "99"),
                        ]
                    }
                    let third = try await league.send(Self.admin)
                    #expect(third.content.contains("2 match, 0 missing in iRacing, 1 different"), "\(third.content)")
                    #expect(await league.announcements().count == 5)
                    #expect(await league.announcements().last?.contains("**#9** · <@\(LeagueUsers.cem)>: iRacing has **#99**") == true)
                    #expect(await league.announcements().last?.contains("#8") == false)

                    let status = try await league.send(I(name: "syncstatus", user: LeagueUsers.admin, permissions: InteractionPayloads.admin))
                    #expect(status.content.contains("3 members in the iRacing roster"))
                    #expect(status.content.contains("⚠️ **#9** · <@\(LeagueUsers.cem)> · iRacing has **#99**"))
                    let violations = await iracing.state.violations
                    #expect(violations.isEmpty, "the iRacing client kept to the rate limit")
                }
            }
        }
    }

    /// `link_roster_max_age_seconds` at 0: no stored roster is young enough, so every `/link`
    /// fetches the roster first (the main test shows one fetch serving three links at 600 s).
    @Test func aLinkSyncsFirstWhenTheStoredRosterIsTooOld() async throws {
        let configuration = LeagueConfiguration(manualSyncCooldownSeconds: 0, linkRosterMaxAgeSeconds: 0)
        try await withLeagueIRacing(rosters: [LeagueMembers.league: Self.roster]) { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, configuration: configuration) { league in
                    // No schedule, so only the links fetch the roster.
                    try await league.repository.apply(
                        [.league(LeagueMembers.league), .syncInterval(minutes: 0)], guildID: LeagueHarness.guild,
                        actorID: LeagueUsers.admin, creatingWith: 1...99)
                    for (user, member) in [(LeagueUsers.ana, LeagueMembers.ana), (LeagueUsers.ben, LeagueMembers.ben)] {
                        let link = try await league.send(I(name: "link", options: [I.integer("iracing_id", member)], user: user))
                        #expect(link.content.contains("found in the league roster"))
                    }
                    let fetches = await iracing.state.dataRequests.filter { $0.hasPrefix("/data/league/roster") }.count
                    #expect(fetches == 2, "each link fetched the roster")
                }
            }
        }
    }

    /// No `/sync`: a guild whose interval has passed since its last sync is synced by the
    /// service's own timer, and a guild not due is left alone.
    @Test func theScheduleSyncsGuildsWhoseIntervalHasPassed() async throws {
        // Both guilds synced a while ago, before the service starts: the first 2 hours ago (due
        // with a 60-minute interval), the other 10 minutes ago (not due).
        let database = try TrailbrakeDatabase.inMemory()
        let repository = LeagueRepository(database: database)
        try await repository.setUp(leagueID: LeagueMembers.league)
        try await repository.setUp(guild: LeagueHarness.otherGuild, leagueID: 9_999, channel: "700000000000000002")
        for (number, user, member) in [("8", LeagueUsers.ben, LeagueMembers.ben), ("9", LeagueUsers.cem, LeagueMembers.cem)] {
            for guild in [LeagueHarness.guild, LeagueHarness.otherGuild] {
                try await repository.hold(number, by: user, in: guild)
                _ = try await repository.link(userID: user, to: member, guildID: guild, iracingName: nil, verified: false)
            }
        }
        try await repository.recordSync(guildID: LeagueHarness.guild, roster: [], actorID: nil, at: Date().addingTimeInterval(-7_200))
        try await repository.recordSync(guildID: LeagueHarness.otherGuild, roster: [], actorID: nil, at: Date().addingTimeInterval(-600))
        let configuration = LeagueConfiguration(defaultSyncIntervalMinutes: 60)
        try await withLeagueIRacing(rosters: [LeagueMembers.league: Self.roster, 9_999: []]) { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, configuration: configuration, database: database) { league in
                    try await eventually("the scheduled sync posted") { await league.announcements().count == 1 }
                    #expect(await league.announcements().first?.contains("**#8** · <@\(LeagueUsers.ben)>: iRacing has **#08**") == true)
                    let audit = try await league.repository.auditLog(guildID: LeagueHarness.guild, limit: 100).filter { $0.action == .sync }
                    #expect(audit.contains { $0.actorID == nil && $0.number == "8" && $0.after == "different:08" })
                    #expect(await league.announcements(in: "700000000000000002").isEmpty)
                    #expect(try await league.repository.settings(guildID: LeagueHarness.otherGuild)?.lastSyncRosterCount == 0)
                    let requests = await iracing.state.dataRequests
                    #expect(requests.filter { $0.contains("league_id=9999") }.isEmpty, "the guild not due was not synced")
                }
            }
        }
    }

    @Test func aFailedRosterFetchIsReportedAndChangesNothing() async throws {
        try await withLeagueIRacing(rosters: [LeagueMembers.league: Self.roster]) { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, configuration: Self.configuration) { league in
                    try await league.setUp(leagueID: 4_242)
                    try await league.repository.hold("7", by: LeagueUsers.ana)
                    let reply = try await league.send(Self.admin)
                    #expect(reply.content == "The sync failed (not_found). The numbers were not changed.")
                    #expect(try await league.repository.claims(guildID: LeagueHarness.guild).map(\.syncState) == [.unchecked])
                    let status = try await league.send(I(name: "syncstatus", user: LeagueUsers.admin, permissions: InteractionPayloads.admin))
                    #expect(status.content.contains("failed (not\\_found)"))
                    // A link the roster cannot confirm now is kept, unverified, for the next sync.
                    let link = try await league.send(I(name: "link", options: [I.option("iracing_id", LeagueMembers.ana, type: 4)]))
                    #expect(link.content.contains("could not be checked now (not_found)"), "\(link.content)")
                    #expect(try await league.repository.links(guildID: LeagueHarness.guild).map(\.verified) == [false])
                }
            }
        }
    }

    /// A private roster iRacing hides from the server's account is a failure, not a roster in
    /// which every claim is missing.
    @Test func aHiddenPrivateRosterIsAFailureNotEveryoneMissing() async throws {
        try await withLeagueIRacing(rosters: [LeagueMembers.league: Self.roster]) { iracing in
            await iracing.state.update { $0.world.hiddenRosters = [LeagueMembers.league] }
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, configuration: Self.configuration) { league in
                    try await league.setUp(leagueID: LeagueMembers.league)
                    try await league.repository.hold("7", by: LeagueUsers.ana)
                    _ = try await league.repository.link(
                        userID: LeagueUsers.ana, to: LeagueMembers.ana, guildID: LeagueHarness.guild, iracingName: nil, verified: false)
                    let reply = try await league.send(Self.admin)
                    #expect(reply.content == "The sync failed (roster_private). The numbers were not changed.")
                    #expect(try await league.repository.claims(guildID: LeagueHarness.guild).map(\.syncState) == [.unchecked])
                    #expect(await league.announcements().isEmpty)
                }
            }
        }
    }

    @Test func withoutIRacingSyncSaysSoAndLinksStayUnverified() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp(leagueID: LeagueMembers.league)
                let reply = try await league.send(Self.admin)
                #expect(reply.type == 4)
                #expect(reply.content.contains("iRacing is not connected"))
                let link = try await league.send(I(name: "link", options: [I.option("iracing_id", LeagueMembers.ana, type: 4)]))
                #expect(link.content.contains("iracing_unavailable"))
                let notInRoster = try await league.send(I(name: "link", options: [I.option("iracing_id", 0, type: 4)]))
                #expect(notInRoster.content.contains("Give your iRacing member id"))
            }
        }
    }
}
