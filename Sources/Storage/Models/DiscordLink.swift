import Foundation

/// A driver's consent for one Discord guild to see their laps, cues and reports.
public struct DiscordLink: Sendable, Equatable {
    public var guildID: String
    public var driverID: Int64
    public var driverName: String
    /// The Discord user who entered the driver's code; they may withdraw it from Discord.
    public var linkedByUserID: String
    public var createdAt: Date

    public init(guildID: String, driverID: Int64, driverName: String, linkedByUserID: String, createdAt: Date) {
        self.guildID = guildID
        self.driverID = driverID
        self.driverName = driverName
        self.linkedByUserID = linkedByUserID
        self.createdAt = createdAt
    }
}

/// A one-time link code as made for the driver: shown once, stored only as a hash.
public struct DiscordLinkCode: Sendable, Equatable {
    public var code: String
    public var expiresAt: Date
}
