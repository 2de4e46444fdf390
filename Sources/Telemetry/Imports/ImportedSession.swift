/// Everything an export file holds, in Trailbrake's terms: what the file says about the session,
/// every frame, and the frames cut into laps.
public struct ImportedSession: Sendable {
    public var format: LapExportFormat
    public var metadata: ImportedSessionMetadata
    /// Every frame in file order; `laps` holds the same frames grouped.
    public var frames: [TelemetryFrame]
    public var laps: [ImportedLap]
    /// Where the distance channel wraps, metres: the declared length when the caller or the file
    /// gave one, else measured from the laps (see `LapSplitter.lapLength`).
    public var lapLength: Double

    /// The fastest valid lap, if any.
    public var bestLap: ImportedLap? {
        laps.filter(\.isValid).min { ($0.lapTime ?? .infinity) < ($1.lapTime ?? .infinity) }
    }
}

/// The export formats `LapExport` recognises.
public enum LapExportFormat: String, Sendable, Codable {
    /// One column per .ibt channel (shared/data/telemetry/derived).
    case iRacingLapCSV = "iracing_csv"
    /// The normalised road-lap CSV (`lap,t_s,dist_m,speed_kmh,...`).
    case roadLapCSV = "road_csv"
    /// Garage 61's per-lap telemetry CSV (`Speed,LapDistPct,Lat,Lon,Brake,Throttle,...`).
    case garage61CSV = "garage61_csv"
    /// MoTeC i2 "CSV File" export (header block, channel names, units, quoted values).
    case motecCSV = "motec_csv"
}

/// What an export says about the session; every field is optional because formats differ.
public struct ImportedSessionMetadata: Sendable, Equatable {
    public var sim: String?
    public var track: String?
    public var trackConfiguration: String?
    public var trackLength: Double?
    public var car: String?
    public var driver: String?
    public var sessionType: String?
    /// ISO 8601 date (and time when known) the session was driven.
    public var date: String?

    public init(
        sim: String? = nil, track: String? = nil, trackConfiguration: String? = nil, trackLength: Double? = nil,
        car: String? = nil, driver: String? = nil, sessionType: String? = nil, date: String? = nil
    ) {
        self.sim = sim
        self.track = track
        self.trackConfiguration = trackConfiguration
        self.trackLength = trackLength
        self.car = car
        self.driver = driver
        self.sessionType = sessionType
        self.date = date
    }
}
