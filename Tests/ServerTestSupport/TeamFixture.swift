import CoachServer
import Foundation
import Storage

/// A team as the Discord side leaves it in the database: guild `guild` where `driverID` shared
/// their coaching (`/coach link` with a code), an engineer who signed in with Discord and was
/// last seen there as a member, and an outsider seen there only as a guest.
public struct TeamFixture: Sendable {
    public static let guild = "900000000000000001"
    public static let engineerUser = "700000000000000001"
    public static let outsiderUser = "700000000000000002"
    public static let driverUser = "700000000000000003"

    public let engineerID: Int64
    public let outsiderID: Int64

    public static func make(on database: TrailbrakeDatabase, sharing driverID: Int64) async throws -> TeamFixture {
        let drivers = StorageBackedDrivers(database: database)
        let engineer = try await drivers.createDriver(name: "engineer")
        let outsider = try await drivers.createDriver(name: "outsider")
        let links = DiscordLinkRepository(database: database)
        let code = try await links.createCode(driverID: driverID, lifetime: .seconds(600))
        guard try await links.redeem(code: code.code, guildID: guild, userID: driverUser) != nil else { throw TeamFixtureError.notLinked }
        let signIns = DiscordSignInRepository(database: database)
        _ = try await signIns.link(discordUser: engineerUser, driverID: engineer.id)
        _ = try await signIns.link(discordUser: outsiderUser, driverID: outsider.id)
        let team = TeamRepository(database: database)
        try await team.observe(guildID: guild, userID: engineerUser, role: .member)
        try await team.observe(guildID: guild, userID: outsiderUser, role: .guest)
        return TeamFixture(engineerID: engineer.id, outsiderID: outsider.id)
    }
}

enum TeamFixtureError: Error { case notLinked }
