import Coaching
import Telemetry

/// Synthesises laps that obey simple vehicle physics: the ground truth of the coaching tests
/// and the source of shipped references for tracks without recorded laps.
public enum LapSynthesizer {
    /// The fastest lap the car can drive on the track, on the 1 m grid.
    public static func referenceLap(track: SyntheticTrack, car: CarProfile) -> ReferenceLap {
        Model(track: track, car: car).lap(speed: Model(track: track, car: car).referenceSpeed, source: "synthesised")
    }

    /// One lap of the synthetic driver: the reference with `mistakes` (those for other laps are
    /// ignored) and optional noise, on the 1 m grid.
    public static func lap(
        track: SyntheticTrack, car: CarProfile, lapNumber: Int, mistakes: [InjectedMistake] = [], noise: SyntheticNoise? = nil
    ) -> ReferenceLap {
        let model = Model(track: track, car: car)
        var lap = model.lap(speed: model.speed(lapNumber: lapNumber, mistakes: mistakes), source: "synthesised#\(lapNumber)")
        if let noise { addNoise(&lap, noise: noise, salt: UInt64(clamping: lapNumber)) }
        return lap
    }

    /// The corners that slow the car, with their reference positions (ground truth).
    public static func corners(track: SyntheticTrack, car: CarProfile) -> [SyntheticCorner] {
        Model(track: track, car: car).corners.map(\.public)
    }

    static func addNoise(_ lap: inout ReferenceLap, noise: SyntheticNoise, salt: UInt64) {
        var generator = SeededGenerator(seed: noise.seed &+ salt &* 0x9E37_79B9)
        for index in 0..<lap.count {
            lap.speed[index] = max(0, lap.speed[index] + Float(generator.normal(noise.speed)))
            lap.throttle[index] = generator.pedal(lap.throttle[index], sigma: noise.pedal)
            lap.brake[index] = generator.pedal(lap.brake[index], sigma: noise.pedal)
        }
    }
}

/// The physics of one car on one track, shared by the reference and the mistaken laps.
struct Model {
    struct Corner {
        var `public`: SyntheticCorner
        var span: MistakeShaper.CornerSpan
    }

    let track: SyntheticTrack
    let car: CarProfile
    let curvature: [Double]
    let referenceSpeed: [Double]
    let corners: [Corner]

    init(track: SyntheticTrack, car: CarProfile) {
        self.track = track
        self.car = car
        let count = max(2, Int(track.length.rounded(.down)))
        let curvature = (0..<count).map { track.curvature(at: Double($0)) }
        let speed = SpeedProfile.solve(curvature: curvature, car: car, limits: SpeedProfile.cornerLimits(curvature: curvature, car: car))
        self.curvature = curvature
        self.referenceSpeed = speed
        self.corners = Model.findCorners(apexes: track.cornerApexes, speed: speed, curvature: curvature, car: car)
    }

    func lap(speed: [Double], source: String) -> ReferenceLap {
        let metadata = ReferenceLapMetadata(
            sim: "synthetic", track: track.descriptor, car: car.name, lapTime: 0, source: source, date: "2026-01-01")
        return LapChannels.lap(speed: speed, curvature: curvature, car: car, metadata: metadata)
    }

    func speed(lapNumber: Int, mistakes: [InjectedMistake]) -> [Double] {
        var speed = referenceSpeed
        let shaper = MistakeShaper(curvature: curvature, car: car, reference: referenceSpeed)
        for mistake in mistakes where mistake.lap == lapNumber {
            guard let corner = corners.first(where: { $0.public.number == mistake.corner }) else { continue }
            shaper.apply(mistake, at: corner.span, to: &speed)
        }
        return speed
    }

    /// A corner segment counts when the car is at least 5% slower at its apex than at the
    /// fastest point since the previous apex (a flat-out kink does not).
    static func findCorners(apexes: [Double], speed: [Double], curvature: [Double], car: CarProfile) -> [Corner] {
        let count = speed.count
        var result: [Corner] = []
        for (index, apexDistance) in apexes.enumerated() {
            let apex = Grid.wrap(Int(apexDistance.rounded()), count)
            let previous = index > 0 ? Int(apexes[index - 1].rounded()) : Int((apexes.last ?? 0).rounded()) - count
            let approach = stride(from: previous, through: apex, by: 1).map { speed[Grid.wrap($0, count)] }.max() ?? 0
            guard speed[apex] < 0.95 * approach else { continue }
            let onset = brakeOnset(apex: apex, speed: speed, car: car)
            var pickup = apex
            while pickup < apex + count / 2, !staysAtDriveLimit(from: pickup, speed: speed, curvature: curvature, car: car) { pickup += 1 }
            let corner = SyntheticCorner(
                number: result.count + 1, apex: Double(apex), brakeOnset: onset.map { Double(Grid.wrap($0, count)) },
                throttlePickup: Double(Grid.wrap(pickup, count)), apexSpeed: speed[apex] * 3.6)
            result.append(Corner(public: corner, span: .init(onset: onset, apex: apex, pickup: pickup)))
        }
        return result
    }

    /// Start of the braking run that ends within 60 m before the apex (unwrapped, <= apex).
    static func brakeOnset(apex: Int, speed: [Double], car: CarProfile) -> Int? {
        let count = speed.count
        func braking(_ i: Int) -> Bool {
            let v = speed[Grid.wrap(i, count)], next = speed[Grid.wrap(i + 1, count)]
            return (next * next - v * v) / 2 + car.dragPerMass * v * v < -0.01
        }
        guard var index = (apex - 60...apex).last(where: braking) else { return nil }
        while index > apex - count / 2, braking(index - 1) { index -= 1 }
        return index
    }

    /// At the drive limit for the next 0.5 s: the pedal is flat, not touching full for a metre.
    static func staysAtDriveLimit(from start: Int, speed: [Double], curvature: [Double], car: CarProfile) -> Bool {
        var seconds = 0.0, index = start
        while seconds < 0.5 {
            guard atDriveLimit(index, speed: speed, curvature: curvature, car: car) else { return false }
            seconds += 1 / max(speed[Grid.wrap(index, speed.count)], 1)
            index += 1
        }
        return true
    }

    static func atDriveLimit(_ i: Int, speed: [Double], curvature: [Double], car: CarProfile) -> Bool {
        let count = speed.count
        let v = speed[Grid.wrap(i, count)], next = speed[Grid.wrap(i + 1, count)]
        let needed = (next * next - v * v) / 2 + car.dragPerMass * v * v
        let limit = SpeedProfile.driveLimit(speed: v, curvature: curvature[Grid.wrap(i, count)], car: car)
        return needed >= LapChannels.fullThrottleShare * limit
    }
}
