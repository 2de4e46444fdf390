import Coaching
import Telemetry

/// A synthetic stint: live frames as a sim would send them, and exactly what was done wrong.
public struct SyntheticSession: Sendable {
    /// Frames at a fixed rate in time (the distance step varies with speed), lap numbers from 1.
    public var frames: [TelemetryFrame]
    /// Duration of each lap, seconds.
    public var lapTimes: [Double]
    /// Session time of every line crossing: the start, then the end of each lap.
    public var lineCrossingTimes: [Double]
    /// The mistakes that are in the frames, each with its size as measured back from them
    /// (`MistakeCheck`): the ground truth.
    public var injected: [InjectedMistake]
    /// Mistakes asked for that the frames did not show (the physics left too little of them):
    /// those laps were synthesised again without them.
    public var notInjected: [InjectedMistake]
    /// The reference the mistakes deviate from, and its corners (ground truth).
    public var reference: ReferenceLap
    public var corners: [SyntheticCorner]
    /// Each lap on the 1 m grid, as driven (before noise).
    public var laps: [ReferenceLap]
}

extension LapSynthesizer {
    /// `laps` flying laps from the line at `startSessionTime`, sampled at `hz`. Each mistake is
    /// measured back from the frames (`MistakeCheck`); one they do not show is dropped and its
    /// lap synthesised again without it, so `injected` lists only what the frames hold.
    public static func frames(
        track: SyntheticTrack, car: CarProfile, laps: Int, mistakes: [InjectedMistake] = [],
        startSessionTime: Double = 0, hz: Double = 60, noise: SyntheticNoise? = nil
    ) -> SyntheticSession {
        let model = Model(track: track, car: car)
        let lapCount = max(0, laps)
        let cornerNumbers = Set(model.corners.map(\.public.number))
        var asked = mistakes.filter { cornerNumbers.contains($0.corner) && (1...max(1, lapCount)).contains($0.lap) }
        var dropped: [InjectedMistake] = []
        while true {
            var session = render(model, laps: lapCount, mistakes: asked, startSessionTime: startSessionTime, hz: hz, noise: noise)
            let (confirmed, failed) = check(asked, in: session, model: model)
            guard !failed.isEmpty else {
                session.injected = confirmed
                session.notInjected = dropped
                return session
            }
            dropped += failed
            asked.removeAll { failed.contains($0) }
        }
    }

    private static func render(
        _ model: Model, laps lapCount: Int, mistakes: [InjectedMistake], startSessionTime: Double, hz: Double, noise: SyntheticNoise?
    ) -> SyntheticSession {
        let gridLaps = (0..<lapCount).map { index in
            model.lap(speed: model.speed(lapNumber: index + 1, mistakes: mistakes), source: "synthesised#\(index + 1)")
        }
        var generator = noise.map { SeededGenerator(seed: $0.seed) }
        var frames: [TelemetryFrame] = []
        var crossings = [startSessionTime]
        let step = 1 / max(hz, 1)
        var sampleIndex = 0
        for (index, lap) in gridLaps.enumerated() {
            let lapStart = crossings[index]
            let lapEnd = lapStart + lap.metadata.lapTime
            crossings.append(lapEnd)
            var t = startSessionTime + Double(sampleIndex) * step
            while t < lapEnd {
                var frame = sample(lap, elapsed: t - lapStart, sessionTime: t, lapNumber: Int32(index + 1), length: model.track.length)
                if var g = generator, let noise {
                    frame.speed = max(0, frame.speed + Float(g.normal(noise.speed)))
                    frame.throttle = g.pedal(frame.throttle, sigma: noise.pedal)
                    frame.brake = g.pedal(frame.brake, sigma: noise.pedal)
                    generator = g
                }
                frames.append(frame)
                sampleIndex += 1
                t = startSessionTime + Double(sampleIndex) * step
            }
        }
        return SyntheticSession(
            frames: frames, lapTimes: gridLaps.map(\.metadata.lapTime), lineCrossingTimes: crossings, injected: mistakes,
            notInjected: [], reference: model.lap(speed: model.referenceSpeed, source: "synthesised"),
            corners: model.corners.map(\.public), laps: gridLaps)
    }

    /// The mistakes the frames show, resized to what they show, and those they do not.
    private static func check(
        _ mistakes: [InjectedMistake], in session: SyntheticSession, model: Model
    ) -> (confirmed: [InjectedMistake], failed: [InjectedMistake]) {
        let reference = MistakeCheck.Trace(lap: session.reference)
        let length = Double(session.reference.count)
        let apexes = model.corners.map(\.public)
        var confirmed: [InjectedMistake] = [], failed: [InjectedMistake] = []
        for mistake in mistakes {
            guard let position = apexes.firstIndex(where: { $0.number == mistake.corner }) else { continue }
            let apex = apexes[position].apex
            let previous = position > 0 ? apexes[position - 1].apex : 0
            let next = position + 1 < apexes.count ? apexes[position + 1].apex : length
            let lap = MistakeCheck.Trace(frames: session.frames.lazy.filter { Int($0.lapNumber) == mistake.lap })
            let measured = MistakeCheck.measured(mistake, lap: lap, reference: reference, stretch: previous...max(previous, next), apex: apex)
            if MistakeCheck.confirms(measured, intended: mistake.amount), let measured {
                confirmed.append(mistake.resized(to: (measured * 10).rounded() / 10))
            } else {
                failed.append(mistake)
            }
        }
        return (confirmed, failed)
    }

    /// The frame at `elapsed` seconds into a grid lap: its distance found by inverting the time
    /// channel, the other channels interpolated linearly between grid points.
    static func sample(_ lap: ReferenceLap, elapsed: Double, sessionTime: Double, lapNumber: Int32, length: Double) -> TelemetryFrame {
        let count = lap.count
        var low = 0, high = count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Double(lap.time[mid]) <= elapsed { low = mid } else { high = mid - 1 }
        }
        let next = low + 1 < count ? low + 1 : 0
        let t0 = Double(lap.time[low]), t1 = low + 1 < count ? Double(lap.time[next]) : lap.metadata.lapTime
        let f = Float(t1 > t0 ? min(1, max(0, (elapsed - t0) / (t1 - t0))) : 0)
        func mix(_ channel: [Float]) -> Float { channel[low] + (channel[next] - channel[low]) * f }
        let distance = Float(low) + f
        return TelemetryFrame(
            sessionTime: sessionTime, lapNumber: lapNumber, lapDistance: distance,
            lapDistanceFraction: Float(Double(distance) / max(length, 1)), speed: mix(lap.speed), throttle: mix(lap.throttle),
            brake: mix(lap.brake), steering: mix(lap.steering), gear: f < 0.5 ? lap.gear[low] : lap.gear[next])
    }
}
