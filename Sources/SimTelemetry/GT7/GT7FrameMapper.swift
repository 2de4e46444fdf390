import Telemetry

/// Turns a console's decoded packets, in arrival order, into the session, frames and status of
/// one driver: orders packets by id (`GT7PacketSequence`), keeps time (`GT7LapClock`), derives
/// lap distance (`GT7LapDistance`), records the track path from the first complete clean lap
/// when none was given (`TrackPathRecorder`), and sends frames only while the car is driven.
public struct GT7FrameMapper: Sendable {
    public let configuration: GT7SessionConfiguration
    public private(set) var sequence = GT7PacketSequence()
    public private(set) var clock: GT7LapClock
    /// Frames dropped because a required value was not a number.
    public private(set) var droppedFrames = 0
    /// The path in use (given, stored or recorded), if any.
    public private(set) var path: TrackPath?

    private var distance: GT7LapDistance?
    private var recorder = TrackPathRecorder()
    private var recordingLap: Int16?
    private var lap: Int16?
    private var driving: Bool?
    private var session: SessionDescriptor?
    private var restartGap: Double?
    private var saidRecording = false
    /// The last frame seen while the track length was still unknown: when the recorded path
    /// gives the length at a crossing, it goes out first (at the lap's end), so the server sees
    /// the crossing and the first streamed lap is timed from the line.
    private var heldFrame: TelemetryFrame?
    private var heldCarCode: Int32 = 0

    public init(configuration: GT7SessionConfiguration) {
        self.configuration = configuration
        clock = GT7LapClock(tickDuration: configuration.tickDuration)
        path = configuration.path
        if let length = configuration.knownLength {
            distance = GT7LapDistance(trackLength: length, path: configuration.path)
        }
    }

    /// The console was silent for `seconds`: the next packet starts a new stream and a new lap.
    public mutating func streamRestarted(afterSilence seconds: Double) {
        sequence.forgetStream()
        restartGap = seconds
    }

    public mutating func process(_ packet: GT7Packet) -> [SimUpdate] {
        let ticks: Int
        var newStream = restartGap != nil
        switch sequence.admit(packet.packetID) {
        case .late, .repeated: return []
        case .restarted:
            newStream = true
            ticks = 1
        case .next(let skipped): ticks = skipped + 1
        }
        guard packet.flags.isDriving, packet.lapCount >= 0 else {
            // The next driving packet starts a new lap (the time between is not the lap's).
            if newStream, restartGap == nil { restartGap = clock.tickDuration }
            guard driving != false else { return [] }
            driving = false
            return [.notDriving(Self.reason(packet))]
        }
        driving = true
        var updates: [SimUpdate] = []
        let time = advanceClock(packet, ticks: ticks, newStream: newStream, updates: &updates)
        lap = packet.lapCount
        if recordingLap != nil { recorder.add(x: Double(packet.position.x), z: Double(packet.position.z)) }

        guard var distance else {
            heldFrame = frame(packet, time: time, distance: (0, nil))
            heldCarCode = packet.carCode
            if !saidRecording {
                saidRecording = true
                updates.append(.note(
                    "recording the track path: drive one clean lap from the line; frames start once its length is known"))
            }
            return updates
        }
        let descriptor = configuration.descriptor(length: distance.trackLength, carCode: packet.carCode)
        if descriptor != session {
            session = descriptor
            updates.append(.session(descriptor))
            if !distance.isProjected {
                updates.append(.note("lap distance from speed until the track path is recorded (one clean lap from the line)"))
            }
        }
        let measured = distance.distance(
            x: packet.position.x, z: packet.position.z, speed: packet.speed, seconds: Double(ticks) * clock.tickDuration)
        self.distance = distance
        guard let frame = FrameSanity.checked(frame(packet, time: time, distance: measured), trackLength: distance.trackLength)
        else {
            droppedFrames += 1
            return updates
        }
        updates.append(.frame(frame))
        return updates
    }

    /// Session time of a driving packet, handling line crossings and lap restarts.
    private mutating func advanceClock(_ packet: GT7Packet, ticks: Int, newStream: Bool, updates: inout [SimUpdate]) -> Double {
        guard let lap, !newStream else {
            let gap = restartGap
            endLap()
            if self.lap == nil, gap == nil { return clock.advance(ticks: 0) }
            return clock.startLap(after: gap ?? clock.tickDuration)
        }
        if packet.lapCount == lap &+ 1 {  // wrapping: Int16.max + 1 would trap
            let time = clock.crossLine(ticks: ticks, gameLapTimeMs: packet.lastLapTimeMs)
            finishRecording(endedLap: lap, updates: &updates)
            if path == nil { recordingLap = packet.lapCount }
            distance?.lineCrossed()
            return time
        }
        if packet.lapCount != lap {
            endLap()
            return clock.startLap(after: Double(ticks) * clock.tickDuration)
        }
        return clock.advance(ticks: ticks)
    }

    private mutating func endLap() {
        restartGap = nil
        recordingLap = nil
        recorder.reset()
        distance?.lapRestarted()
    }

    private mutating func finishRecording(endedLap: Int16, updates: inout [SimUpdate]) {
        guard recordingLap == endedLap else { return }
        recordingLap = nil
        switch recorder.finish() {
        case .success(let recorded):
            path = recorded
            if distance == nil {
                let length = configuration.trackLength ?? recorded.length
                distance = GT7LapDistance(trackLength: length, path: recorded)
                if var held = heldFrame {
                    let descriptor = configuration.descriptor(length: length, carCode: heldCarCode)
                    session = descriptor
                    updates.append(.session(descriptor))
                    held.lapDistance = Float(length * CounterPinnedLine.endOfLap)
                    held.lapDistanceFraction = Float(CounterPinnedLine.endOfLap)
                    held.presentChannels.insert(.lapDistanceFraction)
                    if let checked = FrameSanity.checked(held, trackLength: length) { updates.append(.frame(checked)) }
                }
                heldFrame = nil
            } else {
                distance?.use(recorded)
            }
            updates.append(.pathRecorded(recorded))
            updates.append(.note("track path recorded (\(Int(recorded.length.rounded())) m): lap distance from the car's position"))
        case .failure(let refusal):
            updates.append(.note("lap \(endedLap) cannot be the track path (\(refusal.reason)); recording the next lap"))
        }
    }

    private func frame(_ packet: GT7Packet, time: Double, distance: (metres: Double, fraction: Double?)) -> TelemetryFrame {
        var channels: ChannelMask = [.required, .clutch, .rpm]
        if distance.fraction != nil { channels.insert(.lapDistanceFraction) }
        if packet.motion != nil { channels.insert(.steering) }
        var frame = TelemetryFrame(
            sessionTime: time, lapNumber: Int32(packet.lapCount), lapDistance: Float(distance.metres),
            lapDistanceFraction: distance.fraction.map(Float.init) ?? .nan, speed: packet.speed,
            throttle: Float(packet.throttle) / 255, brake: Float(packet.brake) / 255,
            clutch: packet.clutchEngagement, steering: packet.motion?.wheelRotation ?? .nan,
            gear: GT7Gear.protocolGear(nibble: packet.currentGearNibble), rpm: packet.engineRPM,
            presentChannels: channels)
        frame.setWorldPosition(x: Double(packet.position.x), z: Double(packet.position.z))
        return frame
    }

    private static func reason(_ packet: GT7Packet) -> String {
        if packet.flags.contains(.paused) { return "paused" }
        if packet.flags.contains(.loading) { return "loading" }
        if packet.lapCount < 0 { return "in a menu" }
        return "not on track (menu or replay)"
    }
}
