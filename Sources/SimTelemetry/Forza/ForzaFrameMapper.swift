import Telemetry

/// Forza "Data Out" dash packets as one driver's session and frames (§3 of sim-telemetry-udp.md).
///
/// Forza has no lap distance, only `DistanceTraveled`, cumulative over the session: a lap's
/// distance is what was travelled since its line crossing (the `LapNumber` change), scaled by
/// the distance the previous lap took, so every lap ends at the track length however the line
/// differs. Time is the game's lap timer anchored on its last-lap times (`AnchoredLapClock`).
/// Frames start at the first line crossing (before it nothing says where the car is) and once
/// the track length is known (`--track-length`, or the first complete lap's distance); the last
/// frame before that crossing goes out first, at the lap's end, so the server sees the line.
public struct ForzaFrameMapper: Sendable {
    public struct Configuration: Sendable {
        /// `--track`; nil names FM 2023's track by its ordinal.
        public var trackName: String?
        public var trackConfiguration: String
        public var trackLength: Double?
        public var car: String?
        public var sessionType: String

        public init(trackName: String? = nil, trackConfiguration: String = "", trackLength: Double? = nil,
                    car: String? = nil, sessionType: String = "practice") {
            self.trackName = trackName
            self.trackConfiguration = trackConfiguration
            self.trackLength = trackLength
            self.car = car
            self.sessionType = sessionType
        }
    }

    public let configuration: Configuration
    public private(set) var trackLength: Double?
    public private(set) var droppedFrames = 0

    private var clock = AnchoredLapClock()
    private var lap: UInt16?
    /// `DistanceTraveled` at the current lap's line crossing; nil before the first crossing.
    private var lapStartDistance: Double?
    /// Distance the last complete lap took (the scale for this one).
    private var lastLapDistance: Double?
    private var racing: Bool?
    private var session: SessionDescriptor?
    private var heldFrame: (frame: TelemetryFrame, packet: ForzaDashPacket)?
    private var saidWaiting = false

    public init(configuration: Configuration) {
        self.configuration = configuration
        trackLength = configuration.trackLength
    }

    public mutating func process(_ packet: ForzaDashPacket) -> [SimUpdate] {
        guard packet.isRaceOn != 0 else {
            guard racing != false else { return [] }
            racing = false
            return [.notDriving("race not on (menu, pause or finished)")]
        }
        racing = true
        guard let time = clock.time(lap: Int(packet.lapNumber), lapTimer: Double(packet.currentLap),
                                    lastLapTime: Double(packet.lastLap))
        else { return [] }
        var updates: [SimUpdate] = []
        let travelled = Double(packet.distanceTraveled)
        let crossed = lap.map { packet.lapNumber == $0 &+ 1 } ?? false
        let restarted = lap.map { packet.lapNumber != $0 && !crossed } ?? false
        lap = packet.lapNumber
        if crossed {
            if let start = lapStartDistance {
                let distance = travelled - start
                if distance > 100 { lastLapDistance = distance }
                if trackLength == nil, distance > 100 {
                    trackLength = distance
                    updates.append(.note("track length measured: \(WholeMetres.text(distance)) m"))
                }
            }
            lapStartDistance = travelled
        } else if restarted {
            lapStartDistance = nil
            lastLapDistance = nil
        }
        guard let length = trackLength, let start = lapStartDistance else {
            heldFrame = (frame(packet, time: time, distance: 0), packet)
            if !saidWaiting {
                saidWaiting = true
                updates.append(.note(trackLength == nil
                    ? "measuring the track length: drive one lap from the line (or give --track-length)"
                    : "waiting for the start/finish line: lap distance counts from it"))
            }
            return updates
        }
        if crossed, let held = heldFrame {
            appendSession(for: held.packet, length: length, to: &updates)
            append(held.frame, atDistance: length * CounterPinnedLine.endOfLap, length: length, to: &updates)
        }
        heldFrame = nil
        appendSession(for: packet, length: length, to: &updates)
        let scale = lastLapDistance ?? length
        let distance = min(max(travelled - start, 0) / scale, CounterPinnedLine.endOfLap) * length
        append(frame(packet, time: time, distance: distance), atDistance: distance, length: length, to: &updates)
        return updates
    }

    private mutating func appendSession(for packet: ForzaDashPacket, length: Double, to updates: inout [SimUpdate]) {
        let name = configuration.trackName ?? packet.trackOrdinal.map { "Forza track \($0)" } ?? "Forza track"
        let descriptor = SessionDescriptor(
            sim: "forza", track: TrackDescriptor(name: name, configuration: configuration.trackConfiguration, length: length),
            car: configuration.car ?? "Forza car \(packet.carOrdinal)", sessionType: configuration.sessionType)
        guard descriptor != session else { return }
        session = descriptor
        updates.append(.session(descriptor))
    }

    private mutating func append(_ frame: TelemetryFrame, atDistance distance: Double, length: Double, to updates: inout [SimUpdate]) {
        var frame = frame
        frame.lapDistance = Float(distance)
        guard let checked = FrameSanity.checked(frame, trackLength: length) else {
            droppedFrames += 1
            return
        }
        updates.append(.frame(checked))
    }

    private func frame(_ packet: ForzaDashPacket, time: Double, distance: Double) -> TelemetryFrame {
        var frame = TelemetryFrame(
            sessionTime: time, lapNumber: Int32(packet.lapNumber), lapDistance: Float(distance), speed: packet.speed,
            throttle: Float(packet.accel) / 255, brake: Float(packet.brake) / 255,
            clutch: 1 - Float(packet.clutch) / 255, gear: Self.protocolGear(packet.gear), rpm: packet.currentEngineRpm,
            presentChannels: [.required, .clutch, .rpm])
        frame.setWorldPosition(x: Double(packet.position.x), z: Double(packet.position.z))
        return frame
    }

    /// Forza's gear byte: 1...10 forward. 0 is read as reverse and 11 and above as neutral, as
    /// Forza dashboards do; T10 does not document it (§3.4).
    static func protocolGear(_ gear: UInt8) -> Int8 {
        switch gear {
        case 0: -1
        case 1...10: Int8(gear)
        default: 0
        }
    }
}
