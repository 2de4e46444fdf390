import Telemetry

/// What the coaching engine tells the server after it has seen some frames. The server turns each
/// event into a protocol message (`cue`, `delta`, `lap`) and hands completed laps to storage.
public enum CoachingEvent: Sendable {
    case cue(Cue)
    case delta(DeltaSample)
    case lapCompleted(CompletedLap)
    /// The reference changed (for example the driver beat their own best lap).
    case referenceChanged(ReferenceChoice)
}

/// A piece of advice for the driver.
public struct Cue: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Said right after a corner about what just happened there.
        case feedback
        /// Said on the approach to a corner on the next lap, before the braking point.
        case anticipatory
    }

    /// What the cue is about; stable strings, part of the protocol.
    public enum Topic: String, Sendable, Codable {
        case brakePoint = "brake_point"
        case brakePressure = "brake_pressure"
        case minimumSpeed = "minimum_speed"
        case throttlePickup = "throttle_pickup"
        case gear
        case coasting
    }

    /// Unique within a driver session, increasing.
    public var id: UInt64
    public var kind: Kind
    public var topic: Topic
    /// Corner number in driving order (T1 = 1).
    public var corner: Int
    /// Optional corner name from the track map ("Paddock Hill").
    public var cornerName: String?
    /// 1 (minor) ... 3 (major); drives priority.
    public var severity: Int
    /// The words to show and to speak, in the driver's language.
    public var text: String
    /// The numbers behind the text, signed: positive = later / faster / more than the reference.
    public var numbers: CueNumbers
    /// Sequence number of the batch holding the frame that triggered the cue.
    public var batchSequence: UInt64
    /// For anticipatory cues: the lap distance (m) by which the cue must have been delivered.
    public var deadlineDistance: Double?

    public init(
        id: UInt64, kind: Kind, topic: Topic, corner: Int, cornerName: String? = nil, severity: Int,
        text: String, numbers: CueNumbers, batchSequence: UInt64, deadlineDistance: Double? = nil
    ) {
        self.id = id
        self.kind = kind
        self.topic = topic
        self.corner = corner
        self.cornerName = cornerName
        self.severity = severity
        self.text = text
        self.numbers = numbers
        self.batchSequence = batchSequence
        self.deadlineDistance = deadlineDistance
    }
}

/// Measured differences to the reference at one corner. Nil where not measured.
public struct CueNumbers: Sendable, Equatable, Codable {
    /// Brake onset relative to the reference, metres; positive = braked later.
    public var brakePointDelta: Double?
    /// Peak brake pressure relative to the reference, 0...1 units; positive = harder.
    public var peakBrakeDelta: Double?
    /// Minimum (apex) speed relative to the reference, km/h; positive = faster.
    public var minimumSpeedDelta: Double?
    /// Throttle pick-up relative to the reference, metres; positive = later.
    public var throttlePickupDelta: Double?
    /// Gear at the apex, driver and reference.
    public var apexGear: Int?
    public var referenceApexGear: Int?
    /// Metres spent coasting (no pedal) in the corner, more than the reference.
    public var coastingDistance: Double?
    /// Time lost (+) or gained (-) through the corner, seconds.
    public var timeDelta: Double?

    public init(
        brakePointDelta: Double? = nil, peakBrakeDelta: Double? = nil, minimumSpeedDelta: Double? = nil,
        throttlePickupDelta: Double? = nil, apexGear: Int? = nil, referenceApexGear: Int? = nil,
        coastingDistance: Double? = nil, timeDelta: Double? = nil
    ) {
        self.brakePointDelta = brakePointDelta
        self.peakBrakeDelta = peakBrakeDelta
        self.minimumSpeedDelta = minimumSpeedDelta
        self.throttlePickupDelta = throttlePickupDelta
        self.apexGear = apexGear
        self.referenceApexGear = referenceApexGear
        self.coastingDistance = coastingDistance
        self.timeDelta = timeDelta
    }
}

/// The live time difference to the reference at a point on the lap.
public struct DeltaSample: Sendable, Equatable, Codable {
    public var lapNumber: Int32
    /// Metres from the line.
    public var lapDistance: Double
    /// Seconds; positive = slower than the reference.
    public var delta: Double
    /// Change of delta per second (positive = losing time now).
    public var trend: Double
    public var batchSequence: UInt64

    public init(lapNumber: Int32, lapDistance: Double, delta: Double, trend: Double, batchSequence: UInt64) {
        self.lapNumber = lapNumber
        self.lapDistance = lapDistance
        self.delta = delta
        self.trend = trend
        self.batchSequence = batchSequence
    }
}

/// A lap the driver finished (or abandoned), with everything storage and the client need.
public struct CompletedLap: Sendable {
    public var lapNumber: Int32
    /// Seconds, interpolated at the start/finish line at both ends. Nil for partial laps.
    public var lapTime: Double?
    /// False for out-laps, in-laps, partial laps, resets and off-track laps.
    public var isValid: Bool
    /// Why the lap is not valid ("out_lap", "pit_road", "reset", "partial", "off_track"), nil when valid.
    public var invalidReason: String?
    /// Lap time minus the reference lap time, seconds; nil without a reference or lap time.
    public var deltaToReference: Double?
    /// Every frame of the lap in order.
    public var frames: [TelemetryFrame]
    /// Per-corner measurements against the reference.
    public var corners: [CornerMetrics]
    /// Braking zones found on this lap.
    public var brakingZones: [BrakingZone]

    public init(
        lapNumber: Int32, lapTime: Double?, isValid: Bool, invalidReason: String?, deltaToReference: Double?,
        frames: [TelemetryFrame], corners: [CornerMetrics], brakingZones: [BrakingZone]
    ) {
        self.lapNumber = lapNumber
        self.lapTime = lapTime
        self.isValid = isValid
        self.invalidReason = invalidReason
        self.deltaToReference = deltaToReference
        self.frames = frames
        self.corners = corners
        self.brakingZones = brakingZones
    }
}

/// What one lap did in one corner, beside the reference.
public struct CornerMetrics: Sendable, Equatable, Codable {
    public var corner: Int
    public var name: String?
    /// Corner extent on the lap, metres from the line.
    public var startDistance: Double
    public var apexDistance: Double
    public var endDistance: Double
    /// Driver's values; nil when the driver did not brake / lift here.
    public var brakePoint: Double?
    public var peakBrake: Double?
    /// km/h
    public var minimumSpeed: Double
    public var throttlePickup: Double?
    public var apexGear: Int
    public var coastingDistance: Double
    /// Signed differences to the reference (same sign conventions as `CueNumbers`).
    public var versusReference: CueNumbers

    public init(
        corner: Int, name: String?, startDistance: Double, apexDistance: Double, endDistance: Double,
        brakePoint: Double?, peakBrake: Double?, minimumSpeed: Double, throttlePickup: Double?, apexGear: Int,
        coastingDistance: Double, versusReference: CueNumbers
    ) {
        self.corner = corner
        self.name = name
        self.startDistance = startDistance
        self.apexDistance = apexDistance
        self.endDistance = endDistance
        self.brakePoint = brakePoint
        self.peakBrake = peakBrake
        self.minimumSpeed = minimumSpeed
        self.throttlePickup = throttlePickup
        self.apexGear = apexGear
        self.coastingDistance = coastingDistance
        self.versusReference = versusReference
    }
}

/// A stretch of lap under braking.
public struct BrakingZone: Sendable, Equatable, Codable {
    /// Metres from the line where brake pressure first crossed the onset threshold.
    public var startDistance: Double
    public var endDistance: Double
    /// 0...1
    public var peakPressure: Double
    /// m/s at the onset and at the end.
    public var entrySpeed: Double
    public var exitSpeed: Double

    public init(startDistance: Double, endDistance: Double, peakPressure: Double, entrySpeed: Double, exitSpeed: Double) {
        self.startDistance = startDistance
        self.endDistance = endDistance
        self.peakPressure = peakPressure
        self.entrySpeed = entrySpeed
        self.exitSpeed = exitSpeed
    }
}

/// Which reference a driver is coached against, and why.
public struct ReferenceChoice: Sendable {
    public enum Reason: String, Sendable, Codable {
        /// A reference lap shipped or imported for this track and car.
        case shippedForTrackAndCar = "shipped_track_and_car"
        /// A reference for this track in another car (used only when configured).
        case shippedForTrack = "shipped_track"
        /// The driver's own best valid lap in this session or earlier.
        case driverBest = "driver_best"
        /// Nothing yet: the first valid lap will become the reference.
        case none
    }

    public var reference: ReferenceLap?
    public var trackMap: TrackMap?
    public var reason: Reason

    public init(reference: ReferenceLap?, trackMap: TrackMap?, reason: Reason) {
        self.reference = reference
        self.trackMap = trackMap
        self.reason = reason
    }
}
