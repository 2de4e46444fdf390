import Foundation

/// The first hop of most `/data` calls: `{"link": <pre-signed URL>, "expires": ...}`, or
/// `{"type", "data", "data_url"}` for the rosters. Neither field means the body is the data.
struct LinkEnvelope: Decodable {
    var link: String?
    var expires: String?
    var dataUrl: String?
}

/// Where a chunked result's rows are: `base_download_url + name` for every file name.
public struct ChunkInfo: Decodable, Sendable, Hashable {
    public var chunkSize: Int?
    public var numChunks: Int?
    public var rows: Int?
    public var baseDownloadUrl: String
    public var chunkFileNames: [String]

    public init(baseDownloadUrl: String, chunkFileNames: [String], rows: Int? = nil) {
        self.baseDownloadUrl = baseDownloadUrl
        self.chunkFileNames = chunkFileNames
        self.rows = rows
    }

    var chunkURLs: [String] { chunkFileNames.map { baseDownloadUrl + $0 } }
}

/// A track as results name it.
public struct TrackReference: Decodable, Sendable, Hashable {
    public var trackId: Int?
    public var trackName: String?
    public var configName: String?
    public var category: String?
}
