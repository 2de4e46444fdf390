import Telemetry

/// Assetto Corsa's car updates as one driver's session and frames (§2 of sim-telemetry-udp.md).
///
/// Distance is `carPositionNormalized` × the track length, the line placed by `lapCount`. The UDP
/// data has no track length: `--track-length` gives it, or the first complete lap is measured by
/// integrating speed, and frames start once it is known. Time is the game's lap timer anchored on
/// its last-lap times (`AnchoredLapClock`). AC pushes every physics step (hundreds per second);
/// frames go out about every `frameInterval` of game time (steps of at least 90 % of it, so a
/// 60 Hz timer in whole milliseconds, 16 or 17 ms apart, loses none).
public struct ACFrameMapper: Sendable {
    public struct Configuration: Sendable {
        /// Metres; nil measures the first complete lap.
        public var trackLength: Double?
        public var sessionType: String
        /// Game time between frames sent: 1/60 s, the rate the server is built for.
        public var frameInterval: Double

        public init(trackLength: Double? = nil, sessionType: String = "practice", frameInterval: Double = 1.0 / 60) {
            self.trackLength = trackLength
            self.sessionType = sessionType
            self.frameInterval = frameInterval
        }
    }

    public let configuration: Configuration
    public let handshake: ACHandshakeResponse
    public private(set) var trackLength: Double?
    public private(set) var droppedFrames = 0

    private var clock = AnchoredLapClock()
    private var line = CounterPinnedLine()
    private var lastLapCount: Int32?
    private var lastSent: Double?
    private var lastTime: Double?
    private var session: SessionDescriptor?
    private var measuring: (lap: Int32, metres: Double)?
    private var saidMeasuring = false

    public init(configuration: Configuration, handshake: ACHandshakeResponse) {
        self.configuration = configuration
        self.handshake = handshake
        trackLength = configuration.trackLength
    }

    public mutating func process(_ info: ACCarInfo) -> [SimUpdate] {
        guard let time = clock.time(lap: Int(info.lapCount), lapTimer: Double(info.lapTime) / 1000,
                                    lastLapTime: Double(info.lastLap) / 1000)
        else { return [] }
        let step = lastTime.map { time - $0 } ?? 0
        lastTime = time
        var updates: [SimUpdate] = []
        // Wrapping: the count is the packet's, and Int32.max + 1 would trap.
        let crossed = lastLapCount.map { info.lapCount == $0 &+ 1 } ?? false
        let restarted = lastLapCount.map { info.lapCount != $0 && !crossed } ?? true
        lastLapCount = info.lapCount
        if crossed { line.lineCrossed() } else if restarted { line.lapRestarted() }
        measure(info, step: step, crossed: crossed, restarted: restarted, updates: &updates)

        guard let length = trackLength else {
            if !saidMeasuring {
                saidMeasuring = true
                updates.append(.note("measuring the track length: drive one lap from the line (or give --track-length)"))
            }
            return updates
        }
        let fraction = line.pinned(Double(info.carPositionNormalized.isFinite ? info.carPositionNormalized : 0))
        guard crossed || lastSent.map({ time - $0 >= configuration.frameInterval * 0.9 }) ?? true else { return updates }
        lastSent = time

        let descriptor = SessionDescriptor(
            sim: "ac", track: TrackDescriptor(name: handshake.trackName, configuration: handshake.trackConfig, length: length),
            car: handshake.carName, sessionType: configuration.sessionType)
        if descriptor != session {
            session = descriptor
            updates.append(.session(descriptor))
        }
        var frame = TelemetryFrame(
            sessionTime: time, lapNumber: info.lapCount, lapDistance: Float(fraction * length),
            lapDistanceFraction: Float(fraction), speed: info.speedMs, throttle: info.gas, brake: info.brake,
            clutch: info.clutch, gear: Self.protocolGear(info.gear), rpm: info.engineRPM, onPitRoad: info.isInPit,
            presentChannels: [.required, .lapDistanceFraction, .clutch, .rpm, .onPitRoad])
        frame.setWorldPosition(x: Double(info.carCoordinates.x), z: Double(info.carCoordinates.z))
        guard let checked = FrameSanity.checked(frame, trackLength: length) else {
            droppedFrames += 1
            return updates
        }
        updates.append(.frame(checked))
        return updates
    }

    /// AC's gear as its shared memory counts it (0 = R, 1 = N, 2 = first): unverified for UDP
    /// (§2.5), the reading AC tools use.
    static func protocolGear(_ gear: Int32) -> Int8 {
        Int8(clamping: max(gear, 0) - 1)
    }

    /// Integrates the first complete lap's speed when no length was given.
    private mutating func measure(_ info: ACCarInfo, step: Double, crossed: Bool, restarted: Bool, updates: inout [SimUpdate]) {
        guard trackLength == nil else { return }
        if crossed, let measuring, measuring.lap == info.lapCount &- 1, measuring.metres > 100 {
            trackLength = measuring.metres
            updates.append(.note("track length measured: \(WholeMetres.text(measuring.metres)) m"))
            self.measuring = nil
            return
        }
        if crossed { measuring = (info.lapCount, 0) } else if restarted { measuring = nil }
        if let current = measuring, info.speedMs.isFinite {
            measuring = (current.lap, current.metres + Double(max(info.speedMs, 0)) * max(step, 0))
        }
    }
}
