import Coaching
import LapSynthesis
import Foundation
import LoadTesting
import Telemetry

/// A short synthetic circuit whose first corners come about 6 s apart, so a real-time replay of
/// 19 s (4 s before the line, 15 s of lap 2) gets two coached corners: the live feed's laps.
enum SprintLap {
    static let track = SyntheticTrack(name: "Feed Sprint", segments: [
        .straight(length: 150),
        .corner(minimumRadius: 30, angleDegrees: 90, direction: .right),
        .straight(length: 70),
        .corner(minimumRadius: 25, angleDegrees: 90, direction: .left),
        .straight(length: 70),
        .corner(minimumRadius: 30, angleDegrees: 90, direction: .right),
        .straight(length: 400),
    ])
    static let car = CarProfile.gt4

    /// Mistakes on lap 2's first two corners, each well past its threshold (docs/coaching.md:
    /// 15 m throttle pick-up, 3 km/h apex speed), so each is coached.
    static let mistakes: [InjectedMistake] = [.lateThrottle(corner: 1, lap: 2, metres: 35), .slowApex(corner: 2, lap: 2, kmh: 12)]

    /// The server's reference library (the clean lap of this track) and the laps a driver
    /// replays: from 8 s before lap 2 (the server coaches only laps it saw start, and the first
    /// corner only with its approach; and the piece before the line must cover a quarter of the
    /// track to be a lap the feed hears of, docs/coaching.md) for `seconds`.
    static func make(seconds: Double) throws -> (library: ReferenceLibrary, laps: DriverLaps) {
        let session = LapSynthesizer.frames(track: track, car: car, laps: 3, mistakes: mistakes)
        let map = TrackSegmenter.trackMap(for: session.reference, track: track.descriptor)
        let descriptor = SessionDescriptor(sim: "synthetic", track: track.descriptor, car: car.name, sessionType: "practice")
        var laps = DriverLaps(session: descriptor, frames: session.frames, injected: session.injected)
        guard let lapTwo = session.frames.firstIndex(where: { $0.lapNumber == 2 }) else { throw TestFailure("no lap 2") }
        let rate = LoadOptions.frameRate
        laps.replayRange = (lapTwo - Int(8 * rate))..<min(session.frames.count, lapTwo + Int(seconds * rate))
        return (ReferenceLibrary(entries: [.init(reference: session.reference, trackMap: map)]), laps)
    }
}
