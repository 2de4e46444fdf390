import CoachServer
import Foundation
import Storage

/// A team as the Discord side leaves it in the database: guild `guild` where `driverID` shared
/// their coaching (`/coach link` with a code), an engineer who signed in with Discord and was
/// last seen there as a member, and an outsider seen there only as a guest.
struct TeamFixture: Sendable {
    static let guild = "900000000000000001"
    static let engineerUser = "700000000000000001"
    static let outsiderUser = "700000000000000002"
    static let driverUser = "700000000000000003"

    let engineerID: Int64
    let outsiderID: Int64

    static func make(on database: TrailbrakeDatabase, sharing driverID: Int64) async throws -> TeamFixture {
        let drivers = StorageBackedDrivers(database: database)
        let engineer = try await drivers.createDriver(name: "engineer")
        let outsider = try await drivers.createDriver(name: "outsider")
        let links = DiscordLinkRepository(database: database)
        let code = try await links.createCode(driverID: driverID, lifetime: .seconds(600))
        guard try await links.redeem(code: code.code, guildID: guild, userID: driverUser) != nil else { throw TestFailure("the code did not link") }
        let signIns = DiscordSignInRepository(database: database)
        _ = try await signIns.link(discordUser: engineerUser, driverID: engineer.id)
        _ = try await signIns.link(discordUser: outsiderUser, driverID: outsider.id)
        let team = TeamRepository(database: database)
        try await team.observe(guildID: guild, userID: engineerUser, role: .member)
        try await team.observe(guildID: guild, userID: outsiderUser, role: .guest)
        return TeamFixture(engineerID: engineer.id, outsiderID: outsider.id)
    }
}
