/// When an approach cue's clip is too late to play: the deadline is a lap distance, on the lap
/// the car was on when the cue came, or the next one when the deadline lies more than half a
/// lap behind the car (a cue for turn 1 sent before the line).
struct ClipDeadline: Sendable, Equatable {
    /// Laps × track length + deadline: a distance that only grows as the car drives on.
    let absoluteMetres: Double

    /// Nil when the cue has no deadline (feedback) or the track length is unknown.
    init?(deadline: Double?, carAtCue car: CarPosition.Snapshot?) {
        guard let deadline, let car, car.trackLength > 0 else { return nil }
        let lap = deadline < car.distance - car.trackLength / 2 ? car.lap + 1 : car.lap
        absoluteMetres = Double(lap) * car.trackLength + deadline
    }

    /// Why a clip of `duration` seconds must not start now; nil when it still fits: the car
    /// must not have reached the deadline, and at its current speed not reach it before the
    /// clip ends.
    func lateness(of duration: Double, carNow car: CarPosition.Snapshot?) -> String? {
        guard let car, car.trackLength > 0 else { return nil }
        let position = Double(car.lap) * car.trackLength + car.distance
        if position >= absoluteMetres { return "its deadline passed \(Int((position - absoluteMetres).rounded())) m ago" }
        let end = position + max(car.speed, 0) * duration
        if end > absoluteMetres { return "it would end \(Int((end - absoluteMetres).rounded())) m after its deadline" }
        return nil
    }
}
