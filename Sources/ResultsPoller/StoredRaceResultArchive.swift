import Foundation
import IRacing
import Integration
import Storage

/// `RaceResultArchive` on the stored results: the bot's `/lastrace`.
public struct StoredRaceResultArchive: RaceResultArchive {
    let store: IRacingResultStore

    public init(database: TrailbrakeDatabase) {
        self.store = IRacingResultStore(database: database)
    }

    /// The member's newest stored result, with rows for them and every driver the guild tracks
    /// who was in it (tracked or not, the asked-for member is always shown).
    public func latestResult(memberID: Int, in guild: GuildID) async throws -> RaceResultPost? {
        guard let json = try await store.latestResult(memberID: memberID) else { return nil }
        let result = try IRacingClient.decodeResult(json)
        var tracked: [Int: Date] = [memberID: .distantPast]
        for driver in try await store.trackedDrivers(guildID: guild.rawValue) { tracked[driver.memberID] = .distantPast }
        return PostBuilder.post(for: result, guild: guild, tracked: tracked, lookback: 0)
    }
}
