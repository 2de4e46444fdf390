import Foundation

/// The first hop of `results/search_hosted`: the chunk list, at the top or under `data`.
struct HostedSearchHeader: Decodable {
    struct Inner: Decodable {
        var chunkInfo: ChunkInfo?
    }

    var chunkInfo: ChunkInfo?
    var data: Inner?

    var chunks: ChunkInfo? { chunkInfo ?? data?.chunkInfo }
}

/// A hosted or league subsession found by `results/search_hosted`.
public struct HostedSession: Decodable, Sendable, Hashable {
    public var subsessionId: Int
    public var sessionId: Int?
    public var startTime: Date?
    public var endTime: Date?
    public var leagueId: Int?
    public var leagueName: String?
    public var leagueSeasonId: Int?
    public var sessionName: String?
    public var numDrivers: Int?
    public var track: TrackReference?
}
