/// One sample of a driver's car, as the sim reports it (normally 60 per second).
///
/// Distances are always metres from the start/finish line; `lapDistanceFraction` is kept only
/// because some sims report it, never as a distance. Channels a client did not send are `.nan`
/// (floating point) or their documented neutral value, and `presentChannels` says which ones came.
/// The struct is plain old data (`BitwiseCopyable`) so the live ring can copy it with memcpy.
public struct TelemetryFrame: Sendable, Equatable, BitwiseCopyable {
    /// Seconds since the sim session started; the time base of everything else.
    public var sessionTime: Double
    /// Laps started count, as the sim reports it (increments at the start/finish line).
    public var lapNumber: Int32
    /// Metres from the start/finish line along the lap.
    public var lapDistance: Float
    /// Fraction of the lap (0..1) as reported by the sim, `.nan` when not sent.
    public var lapDistanceFraction: Float
    /// Ground speed, m/s.
    public var speed: Float
    /// Pedals, 0 (released) ... 1 (fully pressed). Clutch: 1 = engaged, as iRacing reports it.
    public var throttle: Float
    public var brake: Float
    public var clutch: Float
    /// Steering wheel angle, radians (positive = left, as iRacing reports it).
    public var steering: Float
    /// -1 reverse, 0 neutral, 1...n forward gears.
    public var gear: Int8
    /// Engine speed, rev/min.
    public var rpm: Float
    /// Accelerations in m/s² and yaw rate in rad/s, car frame.
    public var lateralAcceleration: Float
    public var longitudinalAcceleration: Float
    public var yawRate: Float
    /// WGS84 position in degrees, `.nan` when unknown.
    public var latitude: Double
    public var longitude: Double
    /// True between the pit-lane cones.
    public var onPitRoad: Bool
    /// Where the car is, in iRacing's `irsdk_TrkLoc` terms; `.onTrack` when not sent.
    public var trackSurface: TrackSurface
    /// Which channels the source actually provided.
    public var presentChannels: ChannelMask

    public init(
        sessionTime: Double,
        lapNumber: Int32,
        lapDistance: Float,
        lapDistanceFraction: Float = .nan,
        speed: Float,
        throttle: Float,
        brake: Float,
        clutch: Float = .nan,
        steering: Float = .nan,
        gear: Int8,
        rpm: Float = .nan,
        lateralAcceleration: Float = .nan,
        longitudinalAcceleration: Float = .nan,
        yawRate: Float = .nan,
        latitude: Double = .nan,
        longitude: Double = .nan,
        onPitRoad: Bool = false,
        trackSurface: TrackSurface = .onTrack,
        presentChannels: ChannelMask = .required
    ) {
        self.sessionTime = sessionTime
        self.lapNumber = lapNumber
        self.lapDistance = lapDistance
        self.lapDistanceFraction = lapDistanceFraction
        self.speed = speed
        self.throttle = throttle
        self.brake = brake
        self.clutch = clutch
        self.steering = steering
        self.gear = gear
        self.rpm = rpm
        self.lateralAcceleration = lateralAcceleration
        self.longitudinalAcceleration = longitudinalAcceleration
        self.yawRate = yawRate
        self.latitude = latitude
        self.longitude = longitude
        self.onPitRoad = onPitRoad
        self.trackSurface = trackSurface
        self.presentChannels = presentChannels
    }

    /// Equality treats NaN channels as equal to each other, so a frame round-trips through a codec.
    public static func == (lhs: TelemetryFrame, rhs: TelemetryFrame) -> Bool {
        func same(_ a: Float, _ b: Float) -> Bool { a == b || (a.isNaN && b.isNaN) }
        func same(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }
        return same(lhs.sessionTime, rhs.sessionTime) && lhs.lapNumber == rhs.lapNumber
            && same(lhs.lapDistance, rhs.lapDistance) && same(lhs.lapDistanceFraction, rhs.lapDistanceFraction)
            && same(lhs.speed, rhs.speed) && same(lhs.throttle, rhs.throttle) && same(lhs.brake, rhs.brake)
            && same(lhs.clutch, rhs.clutch) && same(lhs.steering, rhs.steering) && lhs.gear == rhs.gear
            && same(lhs.rpm, rhs.rpm) && same(lhs.lateralAcceleration, rhs.lateralAcceleration)
            && same(lhs.longitudinalAcceleration, rhs.longitudinalAcceleration) && same(lhs.yawRate, rhs.yawRate)
            && same(lhs.latitude, rhs.latitude) && same(lhs.longitude, rhs.longitude)
            && lhs.onPitRoad == rhs.onPitRoad && lhs.trackSurface == rhs.trackSurface
            && lhs.presentChannels == rhs.presentChannels
    }
}

/// iRacing's `irsdk_TrkLoc`: where the car is relative to the track.
public enum TrackSurface: Int8, Sendable, Codable, BitwiseCopyable {
    case notInWorld = -1
    case offTrack = 0
    case inPitStall = 1
    case approachingPits = 2
    case onTrack = 3
}
