import Telemetry

/// How each `TelemetryFrame` channel is stored in a lap blob, in `ChannelMask` bit order.
///
/// Quantisation steps are powers of two (see `RealColumn`) chosen well below what a sim reports
/// or coaching uses: the live path aligns on a 1 m grid and cues speak in metres, km/h and
/// tenths of a second.
enum StoredChannel: Int, CaseIterable {
    case sessionTime = 0, lapNumber, lapDistance, lapDistanceFraction, speed, throttle, brake, clutch,
        steering, gear, rpm, lateralAcceleration, longitudinalAcceleration, yawRate, latitude, longitude,
        onPitRoad, trackSurface

    enum Representation {
        /// Quantised to `step` (units of the channel).
        case real(step: Double)
        /// Stored exactly; the range is checked on decode.
        case integer(ClosedRange<Int64>)
    }

    var mask: ChannelMask { ChannelMask(rawValue: 1 << UInt32(rawValue)) }

    var representation: Representation {
        switch self {
        // 2^-14 s ≈ 61 µs: a 60 Hz frame is 16.7 ms, and a lap time is reported to 1 ms.
        case .sessionTime: .real(step: 0x1p-14)
        case .lapNumber: .integer(Int64(Int32.min)...Int64(Int32.max))
        // 2^-10 m ≈ 1 mm of distance; 2^-10 m/s ≈ 0.004 km/h of speed.
        case .lapDistance, .speed: .real(step: 0x1p-10)
        // 2^-24 of a lap: 1.5 mm on a 25 km track, and about the Float resolution near 1.
        case .lapDistanceFraction: .real(step: 0x1p-24)
        // 2^-14 ≈ 0.006 % pedal travel; sims report pedals as 8- to 16-bit values.
        case .throttle, .brake, .clutch: .real(step: 0x1p-14)
        // 2^-17 rad ≈ 0.0004°, far below a wheel encoder's resolution.
        case .steering: .real(step: 0x1p-17)
        case .gear: .integer(Int64(Int8.min)...Int64(Int8.max))
        // 1/8 rev/min.
        case .rpm: .real(step: 0x1p-3)
        // 2^-10 m/s² ≈ 0.0001 g.
        case .lateralAcceleration, .longitudinalAcceleration: .real(step: 0x1p-10)
        // 2^-14 rad/s ≈ 0.0035°/s.
        case .yawRate: .real(step: 0x1p-14)
        // 2^-24° ≈ 6.6 mm on the ground (at the equator; less elsewhere).
        case .latitude, .longitude: .real(step: 0x1p-24)
        case .onPitRoad: .integer(0...1)
        case .trackSurface: .integer(-1...3)
        }
    }

    /// True when the frame holds this channel's "not sent" value, so a lap whose frames all do
    /// can leave the channel out. Required channels are always stored.
    func holdsAbsentValue(in frame: TelemetryFrame) -> Bool {
        switch self {
        case .sessionTime, .lapNumber, .lapDistance, .speed, .throttle, .brake, .gear: false
        case .lapDistanceFraction: frame.lapDistanceFraction.isNaN
        case .clutch: frame.clutch.isNaN
        case .steering: frame.steering.isNaN
        case .rpm: frame.rpm.isNaN
        case .lateralAcceleration: frame.lateralAcceleration.isNaN
        case .longitudinalAcceleration: frame.longitudinalAcceleration.isNaN
        case .yawRate: frame.yawRate.isNaN
        case .latitude: frame.latitude.isNaN
        case .longitude: frame.longitude.isNaN
        case .onPitRoad: !frame.onPitRoad
        case .trackSurface: frame.trackSurface == .onTrack
        }
    }

    /// The channel as a `Double` (real channels only).
    func realValue(in frame: TelemetryFrame) -> Double {
        switch self {
        case .sessionTime: frame.sessionTime
        case .lapDistance: Double(frame.lapDistance)
        case .lapDistanceFraction: Double(frame.lapDistanceFraction)
        case .speed: Double(frame.speed)
        case .throttle: Double(frame.throttle)
        case .brake: Double(frame.brake)
        case .clutch: Double(frame.clutch)
        case .steering: Double(frame.steering)
        case .rpm: Double(frame.rpm)
        case .lateralAcceleration: Double(frame.lateralAcceleration)
        case .longitudinalAcceleration: Double(frame.longitudinalAcceleration)
        case .yawRate: Double(frame.yawRate)
        case .latitude: frame.latitude
        case .longitude: frame.longitude
        case .lapNumber, .gear, .onPitRoad, .trackSurface: .nan
        }
    }

    func setRealValue(_ value: Double, in frame: inout TelemetryFrame) {
        switch self {
        case .sessionTime: frame.sessionTime = value
        case .lapDistance: frame.lapDistance = Float(value)
        case .lapDistanceFraction: frame.lapDistanceFraction = Float(value)
        case .speed: frame.speed = Float(value)
        case .throttle: frame.throttle = Float(value)
        case .brake: frame.brake = Float(value)
        case .clutch: frame.clutch = Float(value)
        case .steering: frame.steering = Float(value)
        case .rpm: frame.rpm = Float(value)
        case .lateralAcceleration: frame.lateralAcceleration = Float(value)
        case .longitudinalAcceleration: frame.longitudinalAcceleration = Float(value)
        case .yawRate: frame.yawRate = Float(value)
        case .latitude: frame.latitude = value
        case .longitude: frame.longitude = value
        case .lapNumber, .gear, .onPitRoad, .trackSurface: break
        }
    }

    /// The channel as an integer (integer channels only).
    func integerValue(in frame: TelemetryFrame) -> Int64 {
        switch self {
        case .lapNumber: Int64(frame.lapNumber)
        case .gear: Int64(frame.gear)
        case .onPitRoad: frame.onPitRoad ? 1 : 0
        case .trackSurface: Int64(frame.trackSurface.rawValue)
        default: 0
        }
    }

    /// Sets an integer channel; the caller has checked `value` against `representation`'s range.
    func setIntegerValue(_ value: Int64, in frame: inout TelemetryFrame) {
        switch self {
        case .lapNumber: frame.lapNumber = Int32(truncatingIfNeeded: value)
        case .gear: frame.gear = Int8(truncatingIfNeeded: value)
        case .onPitRoad: frame.onPitRoad = value != 0
        case .trackSurface: frame.trackSurface = TrackSurface(rawValue: Int8(truncatingIfNeeded: value)) ?? .onTrack
        default: break
        }
    }

    /// Channels every lap blob carries whatever the frames say.
    static let alwaysStored: ChannelMask = .required
}
