/// A piece of advice for the driver.
public struct Cue: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Said right after a corner about what just happened there.
        case feedback
        /// Said on the approach to a corner on the next lap, before the braking point.
        case anticipatory
    }

    /// What the cue is about; stable strings, part of the protocol (`welcome.topics` lists the
    /// ones a session's coach judges, in this order).
    public enum Topic: String, Sendable, Codable, CaseIterable {
        case brakePoint = "brake_point"
        case brakePressure = "brake_pressure"
        case minimumSpeed = "minimum_speed"
        case throttlePickup = "throttle_pickup"
        case gear
        case coasting
        /// How the brake is let off into the apex (trail braking).
        case brakeRelease = "brake_release"
        /// Where the car is across the track at turn-in and apex (needs positions).
        case racingLine = "racing_line"
        /// How much a corner's brake point or apex speed varies from lap to lap.
        case consistency
        /// A team-mate's short message relayed by the server (docs/web.md, "Team"): no detector,
        /// never in `welcome.topics`; said only where cues may be said (`RelayedMessage`).
        case teamMessage = "team_message"
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
    /// The words to show and to speak, in the driver's language: what to do, with the numbers
    /// rounded as said (`CuePhrasebook`).
    public var text: String
    /// The numbers the text says, as said (in the protocol's units), signed: positive = later /
    /// faster / more / wider than the reference; feedback adds the corner's `timeDelta`.
    public var numbers: CueNumbers
    /// Sequence number of the batch holding the frame that triggered the cue.
    public var batchSequence: UInt64
    /// For anticipatory cues: the lap distance (m) by which the cue must have been delivered.
    public var deadlineDistance: Double?
    /// For a team message: who sent it (their driver name); nil for the coach's own cues.
    public var from: String?
    /// Lap distance (m) of the frame after which the cue was said, for the record (the web cue
    /// page puts it against `deadlineDistance`); not part of the protocol's cue message.
    public var saidDistance: Double?

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
    /// Where the brake is fully released before the apex, relative to the reference, metres;
    /// positive = released later (trailed deeper). The brake point's own shift is taken off.
    public var brakeReleaseDelta: Double?
    /// How gradually the brake comes off (its release, from half the peak pressure to off)
    /// against the reference's scaled to this lap's braking zone, metres; negative = more abrupt
    /// ("off the brake, then turn"), said as "start easing off the brake N metres sooner".
    public var brakeReleaseLengthDelta: Double?
    /// Distance across the track from the reference's line at the apex and at turn-in, metres;
    /// positive = wider (further from the inside of the corner).
    public var lineApexOffset: Double?
    public var lineTurnInOffset: Double?
    /// Spread (highest minus lowest) over the last valid laps of the brake point (m) and of the
    /// apex speed (km/h).
    public var brakePointSpread: Double?
    public var apexSpeedSpread: Double?

    public init(
        brakePointDelta: Double? = nil, peakBrakeDelta: Double? = nil, minimumSpeedDelta: Double? = nil,
        throttlePickupDelta: Double? = nil, apexGear: Int? = nil, referenceApexGear: Int? = nil,
        coastingDistance: Double? = nil, timeDelta: Double? = nil, brakeReleaseDelta: Double? = nil,
        lineApexOffset: Double? = nil, lineTurnInOffset: Double? = nil, brakePointSpread: Double? = nil,
        apexSpeedSpread: Double? = nil, brakeReleaseLengthDelta: Double? = nil
    ) {
        self.brakePointDelta = brakePointDelta
        self.peakBrakeDelta = peakBrakeDelta
        self.minimumSpeedDelta = minimumSpeedDelta
        self.throttlePickupDelta = throttlePickupDelta
        self.apexGear = apexGear
        self.referenceApexGear = referenceApexGear
        self.coastingDistance = coastingDistance
        self.timeDelta = timeDelta
        self.brakeReleaseDelta = brakeReleaseDelta
        self.lineApexOffset = lineApexOffset
        self.lineTurnInOffset = lineTurnInOffset
        self.brakePointSpread = brakePointSpread
        self.apexSpeedSpread = apexSpeedSpread
        self.brakeReleaseLengthDelta = brakeReleaseLengthDelta
    }
}
