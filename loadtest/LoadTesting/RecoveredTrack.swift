import Coaching
import LapSynthesis
import Foundation
import Telemetry

/// The track of a synthesised reference file, recovered from the file alone so laps with
/// mistakes can be driven on it (the race line the file was made from is not shipped).
///
/// The synthesiser writes steering as `atan(wheelbase * curvature) * steeringRatio` of its car
/// profile (LapChannels), so the curvature at every grid metre comes back as
/// `tan(steering / ratio) / wheelbase`. A lap driven on the recovered track without mistakes
/// matches the file's lap (tested); a reference driven by a person gives only an approximation.
struct RecoveredTrack: Sendable {
    let track: SyntheticTrack
    let car: CarProfile
    let session: SessionDescriptor

    init(referenceFile url: URL) throws(LoadError) {
        let reference: ReferenceLap
        do { reference = try ReferenceLapFile.read(from: url) } catch {
            throw LoadError(.unreadableSource, "\(url.lastPathComponent): \(error)")
        }
        let car = CarProfile.preset(named: reference.metadata.car.lowercased()) ?? .gt4
        let curvature = reference.steering.map { tan(Double($0) / car.steeringRatio) / car.wheelbase }
        let metadata = reference.metadata
        do {
            track = try SyntheticTrack(
                name: metadata.track.name, configuration: metadata.track.configuration, curvatureProfile: curvature,
                spacing: reference.gridSpacing)
        } catch {
            throw LoadError(.unreadableSource, "\(url.lastPathComponent): no track in its steering channel (\(error))")
        }
        self.car = car
        self.session = metadata.session
    }

    /// `laps` flying laps from the line with 3 mistakes per lap at braked corners, their kinds
    /// and sizes drawn from `seed`, sized well past the coach's thresholds (docs/coaching.md:
    /// 8 m brake point, 3 km/h apex speed, 15 m throttle pick-up) so each one is coached.
    /// `mistakeLaps` limits the mistakes to some laps (nil: every lap).
    func drive(laps: Int, seed: UInt64, mistakeLaps: ClosedRange<Int>? = nil) -> DriverLaps {
        var generator = SeededGenerator(seed: seed)
        let braked = LapSynthesizer.corners(track: track, car: car).filter { $0.brakeOnset != nil }.map(\.number)
        var mistakes: [InjectedMistake] = []
        for lap in 1...max(1, laps) where mistakeLaps?.contains(lap) ?? true {
            for corner in braked.shuffled(using: &generator).prefix(3) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: mistakes.append(.brakeEarly(corner: corner, lap: lap, metres: .random(in: 20...35, using: &generator)))
                case 1: mistakes.append(.slowApex(corner: corner, lap: lap, kmh: .random(in: 8...14, using: &generator)))
                default: mistakes.append(.lateThrottle(corner: corner, lap: lap, metres: .random(in: 25...45, using: &generator)))
                }
            }
        }
        let noise = SyntheticNoise(seed: generator.next())
        var synthetic = LapSynthesizer.frames(track: track, car: car, laps: max(1, laps), mistakes: mistakes, noise: noise)
        // A mistake the frames do not show (measured back by the synthesiser) moves to another
        // braked corner of its lap, a few times at most; the listing is what the frames hold.
        var asked = mistakes
        var tried = Dictionary(grouping: mistakes, by: \.lap).mapValues { Set($0.map(\.corner)) }
        for _ in 0..<Self.replacementRounds where !synthetic.notInjected.isEmpty {
            let failed = synthetic.notInjected
            asked.removeAll { failed.contains($0) }
            for mistake in failed {
                let taken = tried[mistake.lap, default: []]
                guard let corner = braked.filter({ !taken.contains($0) }).shuffled(using: &generator).first else { continue }
                tried[mistake.lap, default: []].insert(corner)
                asked.append(mistake.moved(to: corner))
            }
            synthetic = LapSynthesizer.frames(track: track, car: car, laps: max(1, laps), mistakes: asked, noise: noise)
        }
        return DriverLaps(session: session, frames: synthetic.frames, injected: synthetic.injected)
    }

    /// Times a mistake the frames did not show is moved to another corner.
    static let replacementRounds = 3
}
