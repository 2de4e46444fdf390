/// Keys of one frame in the JSON form, and the channel each carries.
enum FrameJSONKey: String, CodingKey, CaseIterable {
    case t, lap, dist, speed, throttle, brake, gear
    case pct, clutch, steer, rpm, latAccel, longAccel, yawRate, lat, lon, pit, surface

    var channel: ChannelMask {
        switch self {
        case .t: .sessionTime
        case .lap: .lapNumber
        case .dist: .lapDistance
        case .pct: .lapDistanceFraction
        case .speed: .speed
        case .throttle: .throttle
        case .brake: .brake
        case .clutch: .clutch
        case .steer: .steering
        case .gear: .gear
        case .rpm: .rpm
        case .latAccel: .lateralAcceleration
        case .longAccel: .longitudinalAcceleration
        case .yawRate: .yawRate
        case .lat: .latitude
        case .lon: .longitude
        case .pit: .onPitRoad
        case .surface: .trackSurface
        }
    }
}
