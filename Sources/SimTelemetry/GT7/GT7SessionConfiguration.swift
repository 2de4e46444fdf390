import Telemetry

/// What the driver tells the GT7 client, since the packets carry no track (§1.12 of
/// sim-telemetry-udp.md): the track's name, and its length or a path that gives it.
public struct GT7SessionConfiguration: Sendable {
    public var trackName: String
    public var trackConfiguration: String
    /// `--track-length`, metres. Nil: the path's length, or (with no path either) the length of
    /// the first lap recorded, before which nothing is streamed.
    public var trackLength: Double?
    /// A stored or given path: lap distance is projected from the first frame.
    public var path: TrackPath?
    /// `--car`; nil names the car by its GT7 car code.
    public var car: String?
    public var sessionType: String
    public var tickDuration: Double

    public init(
        trackName: String, trackConfiguration: String = "", trackLength: Double? = nil, path: TrackPath? = nil,
        car: String? = nil, sessionType: String = "practice", tickDuration: Double = 1.0 / 60
    ) {
        self.trackName = trackName
        self.trackConfiguration = trackConfiguration
        self.trackLength = trackLength
        self.path = path
        self.car = car
        self.sessionType = sessionType
        self.tickDuration = tickDuration
    }

    /// The length frames are measured against, once one is known.
    var knownLength: Double? { trackLength ?? path?.length }

    func descriptor(length: Double, carCode: Int32) -> SessionDescriptor {
        SessionDescriptor(
            sim: "gt7", track: TrackDescriptor(name: trackName, configuration: trackConfiguration, length: length),
            car: car ?? "GT7 car \(carCode)", sessionType: sessionType)
    }
}
