/// The variables a frame is built from, looked up once per file (or live memory layout).
struct IBTFrameChannels {
    let sessionTime, lap, lapDistance, speed, throttle, brake, gear: IBTVariable
    let fraction, clutch, steering, rpm, lateral, longitudinal, yawRate, latitude, longitude, pit, surface: IBTVariable?
    let present: ChannelMask

    init(lookup find: (String) -> IBTVariable?) throws(IBTError) {
        func require(_ name: String) throws(IBTError) -> IBTVariable {
            guard let variable = find(name) else { throw .missingChannel(name) }
            return variable
        }
        sessionTime = try require("SessionTime")
        lap = try require("Lap")
        lapDistance = try require("LapDist")
        speed = try require("Speed")
        throttle = try require("Throttle")
        brake = try require("Brake")
        gear = try require("Gear")
        fraction = find("LapDistPct")
        clutch = find("Clutch")
        steering = find("SteeringWheelAngle")
        rpm = find("RPM")
        lateral = find("LatAccel")
        longitudinal = find("LongAccel")
        yawRate = find("YawRate")
        latitude = find("Lat")
        longitude = find("Lon")
        pit = find("OnPitRoad")
        surface = find("PlayerTrackSurface")
        var mask = ChannelMask.required
        let optional: [(IBTVariable?, ChannelMask)] = [
            (fraction, .lapDistanceFraction), (clutch, .clutch), (steering, .steering), (rpm, .rpm),
            (lateral, .lateralAcceleration), (longitudinal, .longitudinalAcceleration), (yawRate, .yawRate),
            (latitude, .latitude), (longitude, .longitude), (pit, .onPitRoad), (surface, .trackSurface),
        ]
        for (variable, channel) in optional where variable != nil { mask.insert(channel) }
        present = mask
    }

    func frame(_ row: IBTRowReader) -> TelemetryFrame {
        func float(_ variable: IBTVariable?) -> Float { variable.map { Float(row.number($0)) } ?? .nan }
        var frame = TelemetryFrame(
            sessionTime: row.number(sessionTime), lapNumber: Int32(clamping: row.integer(lap)),
            lapDistance: Float(row.number(lapDistance)), lapDistanceFraction: float(fraction),
            speed: Float(row.number(speed)), throttle: Float(row.number(throttle)), brake: Float(row.number(brake)),
            clutch: float(clutch), steering: float(steering), gear: Int8(clamping: row.integer(gear)), rpm: float(rpm),
            lateralAcceleration: float(lateral), longitudinalAcceleration: float(longitudinal), yawRate: float(yawRate),
            presentChannels: present)
        // iRacing writes 0 for "position not known" (row 0, not in world): absent, not a place.
        if let latitude, let longitude {
            let (lat, lon) = (row.number(latitude), row.number(longitude))
            if lat == 0 || lon == 0 {
                frame.presentChannels.subtract([.latitude, .longitude])
            } else {
                (frame.latitude, frame.longitude) = (lat, lon)
            }
        }
        if let pit { frame.onPitRoad = row.integer(pit) != 0 }
        if let surface {
            // Codes outside irsdk_TrkLoc mean the sim has no usable position for the car.
            frame.trackSurface = TrackSurface(rawValue: Int8(clamping: row.integer(surface))) ?? .notInWorld
        }
        return frame
    }
}
