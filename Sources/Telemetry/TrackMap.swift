/// Corners and braking zones of a track layout, numbered in driving order, with the names and
/// landmarks a person may add by hand. Stored beside a reference lap as `<name>.trackmap.json`.
public struct TrackMap: Sendable, Equatable, Codable {
    public var formatVersion: Int
    public var track: TrackDescriptor
    public var corners: [Corner]

    public struct Corner: Sendable, Equatable, Codable {
        /// 1-based, in driving order.
        public var number: Int
        public var name: String?
        /// Free text for the driver, e.g. "brake at the 100 board".
        public var landmark: String?
        /// Metres from the line. `entry` is where the approach (braking zone) begins, `exit` where
        /// the driver is back to full throttle on the reference.
        public var entry: Double
        public var apex: Double
        public var exit: Double
        /// Reference brake onset, metres from the line; nil for flat-out corners.
        public var brakePoint: Double?

        public init(number: Int, name: String? = nil, landmark: String? = nil, entry: Double, apex: Double, exit: Double, brakePoint: Double?) {
            self.number = number
            self.name = name
            self.landmark = landmark
            self.entry = entry
            self.apex = apex
            self.exit = exit
            self.brakePoint = brakePoint
        }
    }

    public init(formatVersion: Int = 1, track: TrackDescriptor, corners: [Corner]) {
        self.formatVersion = formatVersion
        self.track = track
        self.corners = corners
    }
}
