import Foundation
import Testing

@testable import Discord

/// The web's cache of Discord member roles: an entry lives `lifetime` seconds (not a moment
/// more), and past `capacity` entries the oldest fetch makes room.
@Suite struct MemberRoleCacheTests {
    let t0 = Date(timeIntervalSince1970: 1_900_000_000)
    let admin = GuildMemberRoles(roles: ["7"], canManageGuild: false)

    @Test func anEntryLivesItsLifetimeAndNoLonger() async {
        let cache = MemberRoleCache(lifetime: 30)
        await cache.store(admin, guild: "1", user: "2", now: t0)
        #expect(await cache.member(guild: "1", user: "2", now: t0.addingTimeInterval(29.9)) == .some(admin))
        #expect(await cache.member(guild: "1", user: "2", now: t0.addingTimeInterval(30)) == nil)
        // A clock set back does not make an entry young again.
        #expect(await cache.member(guild: "1", user: "2", now: t0.addingTimeInterval(-1)) == nil)
        // "Not a member" is cached too.
        await cache.store(nil, guild: "1", user: "3", now: t0)
        #expect(await cache.member(guild: "1", user: "3", now: t0) == .some(nil))
        // Lifetime 0: every page asks Discord.
        let none = MemberRoleCache(lifetime: 0)
        await none.store(admin, guild: "1", user: "2", now: t0)
        #expect(await none.member(guild: "1", user: "2", now: t0) == nil)
    }

    @Test func pastItsCapacityTheOldestFetchIsDropped() async {
        let cache = MemberRoleCache(lifetime: 300, capacity: 3)
        for user in 1...3 { await cache.store(admin, guild: "1", user: String(user), now: t0.addingTimeInterval(Double(user))) }
        #expect(await cache.count == 3)
        await cache.store(admin, guild: "1", user: "2", now: t0.addingTimeInterval(5))
        #expect(await cache.count == 3, "a refetch replaces its own entry")
        await cache.store(admin, guild: "1", user: "4", now: t0.addingTimeInterval(6))
        #expect(await cache.count == 3)
        #expect(await cache.member(guild: "1", user: "1", now: t0.addingTimeInterval(7)) == nil, "the oldest went")
        #expect(await cache.member(guild: "1", user: "3", now: t0.addingTimeInterval(7)) == .some(admin))
    }
}
