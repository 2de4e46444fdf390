import Foundation

/// `results/lap_data` after its chunks are merged: the header and every lap.
public struct LapData: Sendable {
    public var header: LapDataHeader
    public var laps: [LapDataRow]
}

public struct LapDataHeader: Decodable, Sendable {
    public var bestLapNum: Int?
    public var bestLapTime: IRacingDuration?
    /// Missing or null when the driver did no laps.
    public var chunkInfo: ChunkInfo?
    public var custId: Int?
    public var groupId: Int?
    public var name: String?
    public var carId: Int?
}

/// One lap. `lapTime` is none for an out-lap or an invalidated lap; `lapEvents` holds iRacing's
/// words ("invalid", "pitted", "tow", "off track", ...).
public struct LapDataRow: Decodable, Sendable, Hashable {
    public var groupId: Int?
    public var custId: Int?
    public var displayName: String?
    public var lapNumber: Int
    public var flags: Int?
    public var incident: Bool?
    public var sessionTime: IRacingDuration?
    public var lapTime: IRacingDuration?
    public var teamFastestLap: Bool?
    public var personalBestLap: Bool?
    public var lapEvents: [String]?
    public var carNumber: String?
    public var ai: Bool?
}
