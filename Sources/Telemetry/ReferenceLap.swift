/// A reference lap: the lap a driver is compared against, on a 1 m distance grid.
///
/// Sample `i` of every channel is the value at `i` metres from the start/finish line, so a live
/// frame is aligned with one array index (O(1)). The arrays are shared copy-on-write between all
/// drivers coached against the same reference, never copied per driver.
public struct ReferenceLap: Sendable, Equatable {
    public var metadata: ReferenceLapMetadata
    /// Grid spacing in metres (1 in protocol/file version 1).
    public var gridSpacing: Double
    /// Elapsed lap time (s) at each grid point; `time[0] == 0`, strictly increasing.
    public var time: [Float]
    /// Speed (m/s), throttle and brake (0...1), steering (rad), gear at each grid point.
    public var speed: [Float]
    public var throttle: [Float]
    public var brake: [Float]
    public var steering: [Float]
    public var gear: [Int8]
    /// WGS84 position (degrees) at each grid point, when the lap's frames carried it (iRacing);
    /// empty otherwise. Kept in memory for the racing line; files and the database do not hold it.
    public var latitude: [Double]
    public var longitude: [Double]

    public init(
        metadata: ReferenceLapMetadata, gridSpacing: Double = 1,
        time: [Float], speed: [Float], throttle: [Float], brake: [Float], steering: [Float], gear: [Int8],
        latitude: [Double] = [], longitude: [Double] = []
    ) {
        self.metadata = metadata
        self.gridSpacing = gridSpacing
        self.time = time
        self.speed = speed
        self.throttle = throttle
        self.brake = brake
        self.steering = steering
        self.gear = gear
        self.latitude = latitude
        self.longitude = longitude
    }

    /// True when every grid point has a position.
    public var hasPositions: Bool { !time.isEmpty && latitude.count == time.count && longitude.count == time.count }

    /// Number of grid points.
    public var count: Int { time.count }
}

/// Who, where and when a reference lap was driven.
public struct ReferenceLapMetadata: Sendable, Equatable, Codable {
    public var sim: String
    public var track: TrackDescriptor
    public var car: String
    /// Lap time in seconds, interpolated at the line.
    public var lapTime: Double
    /// Where the lap came from: "synthesised", "ibt:<file>#<lap>", "csv:<file>#<lap>", "driver-best", ...
    public var source: String
    /// ISO 8601 date the lap was driven or made.
    public var date: String
    /// Other names sims give this track layout (matched by `ReferenceLibrary`); absent in files
    /// written before it existed, and not written when nil.
    public var trackAliases: [TrackAlias]?

    public init(
        sim: String, track: TrackDescriptor, car: String, lapTime: Double, source: String, date: String,
        trackAliases: [TrackAlias]? = nil
    ) {
        self.sim = sim
        self.track = track
        self.car = car
        self.lapTime = lapTime
        self.source = source
        self.date = date
        self.trackAliases = trackAliases
    }
}
