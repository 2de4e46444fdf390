import Coaching
import Foundation
import Integration
import Telemetry

/// The live feed's view of a cue and of a finished lap (see `CoachingFeedSink`).
extension CueEvent {
    init(_ cue: Cue, lap: Int, driver: String, session: String) {
        self.init(
            driverName: driver, sessionID: session, lapNumber: lap, cornerNumber: cue.corner > 0 ? cue.corner : nil,
            text: cue.text, severity: cue.severity)
    }

    /// This cue with `clip` as its voice (unchanged when nil).
    func with(_ clip: CueClip?) -> CueEvent {
        guard let clip else { return self }
        var event = self
        event.voiceClip = Data(clip.oggOpus)
        event.voiceDuration = clip.duration
        return event
    }
}

extension LapSummaryEvent {
    init(_ lap: CompletedLap, driver: String, session: String, descriptor: SessionDescriptor) {
        self.init(
            driverName: driver, sessionID: session, trackName: descriptor.track.name, car: descriptor.car,
            lapNumber: Int(lap.lapNumber), lapTime: lap.lapTime, valid: lap.isValid, deltaToReference: lap.deltaToReference)
    }
}
