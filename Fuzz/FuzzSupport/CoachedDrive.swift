import Coaching
import LapSynthesis
import Telemetry

/// A live session coached against a reference lap and track map read from files, as the server
/// runs one (DriverCoach, every frame in order, after `FrameValidator`): two synthetic laps of
/// the club circuit, their distances scaled to the reference's track, at 5 Hz.
public enum CoachedDrive {
    static let template = LapSynthesizer.frames(track: .clubCircuit, car: .gt4, laps: 2, hz: 5).frames

    public static func run(reference: ReferenceLap, trackMap: TrackMap?) {
        let metadata = reference.metadata
        let session = SessionDescriptor(sim: metadata.sim, track: metadata.track, car: metadata.car, sessionType: "practice")
        let choice = ReferenceChoice(reference: reference, trackMap: trackMap, reason: .shippedForTrackAndCar)
        let coach = DriverCoach(session: session, reference: choice, language: .english)
        let scale = metadata.track.length / SyntheticTrack.clubCircuit.length
        var events: [CoachingEvent] = []
        for (index, frame) in template.enumerated() {
            var frame = frame
            frame.lapDistance = Float(Double(frame.lapDistance) * scale)
            let batch = FrameBatch(sequence: UInt64(index), frames: [frame])
            guard (try? FrameValidator.validate(batch, trackLength: metadata.track.length)) != nil else { continue }
            coach.process(LiveFrame(frame: frame, batchSequence: batch.sequence), into: &events)
            events.removeAll(keepingCapacity: true)
        }
        coach.finish(into: &events)
    }

    /// The club circuit's synthesised reference: the lap a fuzzed track map is paired with.
    public static let clubReference = LapSynthesizer.referenceLap(track: .clubCircuit, car: .gt4)
}
