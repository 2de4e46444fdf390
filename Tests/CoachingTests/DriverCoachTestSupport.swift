import Coaching
import LapSynthesis
import Telemetry

/// Runs synthesised sessions through a `DriverCoach` as the server does.
enum CoachDrive {
    static func descriptor(_ track: SyntheticTrack, car: CarProfile, length: Double) -> SessionDescriptor {
        SessionDescriptor(
            sim: "synthetic", track: TrackDescriptor(name: track.name, configuration: "", length: length),
            car: car.name, sessionType: "practice")
    }

    /// The session's own reference, as if shipped for the track and car.
    static func shippedChoice(_ session: SyntheticSession, track: SyntheticTrack, car: CarProfile) -> ReferenceChoice {
        let map = TrackSegmenter.trackMap(for: session.reference, track: descriptor(track, car: car, length: track.length).track)
        return ReferenceChoice(reference: session.reference, trackMap: map, reason: .shippedForTrackAndCar)
    }

    /// Streams frames in 6-frame batches (100 ms at 60 Hz), as a client would, then ends the session.
    static func stream(_ frames: [TelemetryFrame], through coach: DriverCoach) -> [CoachingEvent] {
        var events: [CoachingEvent] = []
        for (index, frame) in frames.enumerated() {
            coach.process(LiveFrame(frame: frame, batchSequence: UInt64(index / 6 + 1)), into: &events)
        }
        coach.finish(into: &events)
        return events
    }

    static func cues(_ events: [CoachingEvent]) -> [Cue] { events.compactMap { if case .cue(let cue) = $0 { cue } else { nil } } }
}
