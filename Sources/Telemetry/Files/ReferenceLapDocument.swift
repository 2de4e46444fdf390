/// The JSON shape of a reference-lap file, version 1 (docs/reference-lap-format.md).
struct ReferenceLapDocument: Codable {
    static let format = "trailbrake-reference-lap"
    static let version = 1

    var format: String
    var version: Int
    var metadata: ReferenceLapMetadata
    var grid: Grid
    var channels: Channels

    struct Grid: Codable {
        var spacing: Double
        var count: Int
    }

    struct Channels: Codable {
        var time: [Double]
        var speed: [Double]
        var throttle: [Double]
        var brake: [Double]
        var steering: [Double]
        var gear: [Double]
    }
}
