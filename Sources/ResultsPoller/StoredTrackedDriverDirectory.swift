import Foundation
import Integration
import Storage

/// `TrackedDriverDirectory` on the SQLite database: what the bot's `/track`, `/untrack` and
/// `/list` edit and the poller reads every cycle.
public struct StoredTrackedDriverDirectory: TrackedDriverDirectory {
    let store: IRacingResultStore

    public init(database: TrailbrakeDatabase) {
        self.store = IRacingResultStore(database: database)
    }

    public func track(memberID: Int, in guild: GuildID, leagueID: Int?) async throws -> TrackedDriver {
        guard memberID > 0 else { throw StorageError.invalidInput("iRacing member ids are positive") }
        let record = try await store.track(
            IRacingTrackedDriverRecord(
                guildID: guild.rawValue, memberID: memberID, leagueID: leagueID, displayName: nil, trackedSince: Date()))
        return TrackedDriver(record)
    }

    public func untrack(memberID: Int, in guild: GuildID) async throws -> Bool {
        try await store.untrack(guildID: guild.rawValue, memberID: memberID)
    }

    public func trackedDrivers(in guild: GuildID) async throws -> [TrackedDriver] {
        try await store.trackedDrivers(guildID: guild.rawValue).map(TrackedDriver.init)
    }
}

extension TrackedDriver {
    init(_ record: IRacingTrackedDriverRecord) {
        self.init(
            guildID: GuildID(rawValue: record.guildID), memberID: record.memberID, displayName: record.displayName,
            leagueID: record.leagueID, trackedSince: record.trackedSince)
    }
}
