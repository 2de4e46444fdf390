import Coaching
import Foundation
import SimTestSupport
import Telemetry
import Testing

/// Issue 16 on real laps: the GT7 export has no gear (the coach said "gear 3 at the apex,
/// reference 0" at every corner). Its laps streamed against its fastest lap: no cue about gear,
/// `topics` without gear, and the other advice still given and judged.
@Suite struct GT7CoachingChannelTests {
    @Test func aSessionWithoutGearIsCoachedOnEverythingElse() throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let length = RecordedOtherSims.referenceLength(recording)
        var frames: [TelemetryFrame] = []
        var time = 100.0
        for lap in recording.laps {
            for row in recording.rows(ofSeq: lap.seq) where row.referenceDistance.isFinite {
                frames.append(TelemetryFrame(
                    sessionTime: time, lapNumber: Int32(lap.seq), lapDistance: Float(row.referenceDistance),
                    speed: Float(row.speedKmh / 3.6), throttle: Float(row.throttle), brake: Float(row.brake), gear: 0))
                time += 1.0 / 60
            }
        }
        let track = TrackDescriptor(name: "Brands Hatch", configuration: "GP", length: length)
        let session = SessionDescriptor(sim: "gt7", track: track, car: "gt7-\(recording.carCode)", sessionType: "practice")
        let fastest = try #require(recording.laps.min { $0.gameTime < $1.gameTime })
        let lapFrames = frames.filter { $0.lapNumber == Int32(fastest.seq) }
        let reference = try ReferenceResampler.resample(
            lapFrames: lapFrames, lapStartTime: lapFrames[0].sessionTime, lapEndTime: lapFrames[lapFrames.count - 1].sessionTime + 1.0 / 60,
            trackLength: length,
            metadata: ReferenceLapMetadata(sim: "gt7", track: track, car: session.car, lapTime: fastest.gameTime, source: "gt7#\(fastest.seq)", date: ""))
        let coach = DriverCoach(
            session: session, reference: ReferenceChoice(reference: reference, trackMap: nil, reason: .shippedForTrackAndCar),
            language: .english)
        #expect(!coach.topics.contains(.gear), "the reference has no gear")

        var events: [CoachingEvent] = []
        for (index, frame) in frames.enumerated() { coach.process(LiveFrame(frame: frame, batchSequence: UInt64(index / 6 + 1)), into: &events) }
        coach.finish(into: &events)
        var said: [SaidCue] = [], laps: [MeasuredLap] = []
        var lapInProgress = Int32(recording.laps.first?.seq ?? 1)
        for event in events {
            switch event {
            case .cue(let cue): said.append(SaidCue(cue: cue, lapNumber: lapInProgress))
            case .lapCompleted(let lap):
                laps.append(MeasuredLap(lapNumber: lap.lapNumber, isValid: lap.isValid && lap.lapTime != nil, corners: lap.corners, lapTime: lap.lapTime))
                lapInProgress = lap.lapNumber + 1
            default: break
            }
        }
        #expect(!said.contains { $0.cue.topic == .gear || $0.cue.text.contains("gear") }, "\(said.map(\.cue.text))")
        #expect(!said.isEmpty, "laps slower than the fastest get advice")
        let outcomes = AdviceOutcomes.evaluate(said, laps: laps)
        for tally in AdviceEffectiveness(outcomes).topics {
            print("GT7 advice outcome | \(tally.topic ?? "") | said \(said.filter { $0.cue.topic.rawValue == tally.topic }.count) | judged \(tally.judged) | worked \(tally.worked)")
        }
        print("GT7 cues:", said.map { "lap \($0.lapNumber) \($0.cue.text)" })
    }
}
