/// Keys of one frame in the JSON form, and the channel each carries.
enum FrameJSONKey: String, CaseIterable {
    case t, lap, dist, speed, throttle, brake, gear
    case pct, clutch, steer, rpm, latAccel, longAccel, yawRate, lat, lon, pit, surface

    private static let utf8Names: [(FrameJSONKey, [UInt8])] = allCases.map { ($0, Array($0.rawValue.utf8)) }

    /// Matches raw key bytes without building a String (18 short comparisons at most).
    init?(utf8 raw: UnsafeRawBufferPointer) {
        for (key, name) in Self.utf8Names where name.count == raw.count && name.elementsEqual(raw) {
            self = key
            return
        }
        return nil
    }

    /// Keys every frame must carry: the protocol's required channels.
    static let requiredKeys: [FrameJSONKey] = [.t, .lap, .dist, .speed, .throttle, .brake, .gear]

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
