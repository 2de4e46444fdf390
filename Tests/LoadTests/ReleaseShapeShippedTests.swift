import Coaching
import Foundation
import LapSynthesis
import Telemetry
import Testing

@testable import LoadTesting

/// Trail braking's shape (`brake_release_length_delta`) on every shipped reference, driven as
/// the load tool drives it (`RecoveredTrack`): clean laps with sim-like noise get no shape cue,
/// and an abrupt release injected at braked corners is measured there within the tolerance.
@Suite struct ReleaseShapeShippedTests {
    /// As in `BrakeReleaseShapeTests`: the grid against the frames, and the rounding of the number.
    static let tolerance = 6.0

    struct Drive {
        var cues: [Cue]
        var laps: [CompletedLap]
        var session: SyntheticSession
    }

    static func drive(_ url: URL, mistakes: [InjectedMistake], seed: UInt64) throws -> Drive {
        let shipped = try ReferenceLapFile.read(from: url)
        let recovered = try RecoveredTrack(referenceFile: url)
        let session = LapSynthesizer.frames(
            track: recovered.track, car: recovered.car, laps: 4, mistakes: mistakes, noise: SyntheticNoise(seed: seed))
        let coach = DriverCoach(
            session: recovered.session, reference: ReferenceChoice(reference: shipped, trackMap: nil, reason: .shippedForTrackAndCar),
            language: .english)
        var events: [CoachingEvent] = []
        for (index, frame) in session.frames.enumerated() { coach.process(LiveFrame(frame: frame, batchSequence: UInt64(index / 6 + 1)), into: &events) }
        coach.finish(into: &events)
        return Drive(
            cues: events.compactMap { if case .cue(let cue) = $0 { cue } else { nil } },
            laps: events.compactMap { if case .lapCompleted(let lap) = $0 { lap } else { nil } }, session: session)
    }

    @Test(arguments: SyntheticGroundTruthTests.references)
    func cleanLapsGetNoShapeCue(reference url: URL) throws {
        var values: [(lap: Int32, corner: Int, value: Double)] = []
        var cues: [Cue] = []
        for seed: UInt64 in [1, 2] {
            let run = try Self.drive(url, mistakes: [], seed: seed)
            cues += run.cues.filter { $0.numbers.brakeReleaseLengthDelta != nil }
            values += run.laps.filter { $0.lapTime != nil }.flatMap { lap in
                lap.corners.compactMap { c in c.versusReference.brakeReleaseLengthDelta.map { (lap.lapNumber, c.corner, $0) } }
            }
        }
        let sizes = values.map { abs($0.value) }.sorted()
        let large = values.filter { abs($0.value) >= CueConfiguration().brakeReleaseLengthThreshold }
        print("release shape | \(url.lastPathComponent) clean | \(sizes.count) corners | median |Δ| \(sizes.isEmpty ? 0 : sizes[sizes.count / 2]) m | largest \(sizes.last ?? 0) m | past the threshold \(large)")
        #expect(!sizes.isEmpty)
        #expect(cues.isEmpty && large.isEmpty, "\(url.lastPathComponent): \(large) \(cues.map(\.text))")
    }

    @Test(arguments: SyntheticGroundTruthTests.references)
    func anAbruptReleaseIsMeasuredAtItsCorner(reference url: URL) throws {
        let recovered = try RecoveredTrack(referenceFile: url)
        let corners = LapSynthesizer.corners(track: recovered.track, car: recovered.car).filter { $0.brakeOnset != nil }
        // Every other braked corner on lap 2, so neighbouring mistakes do not run into each other.
        let asked = corners.enumerated().filter { $0.offset.isMultiple(of: 2) }.map { InjectedMistake.abruptRelease(corner: $0.element.number, lap: 2, metres: 30) }
        let run = try Self.drive(url, mistakes: asked, seed: 3)
        let lap = try #require(run.laps.first { $0.lapNumber == 2 && !$0.corners.isEmpty })
        #expect(!run.session.injected.isEmpty, "\(url.lastPathComponent): some braked corner trails the brake")
        for mistake in run.session.injected {
            let apex = try #require(corners.first { $0.number == mistake.corner }?.apex)
            let corner = try #require(lap.corners.min { abs($0.apexDistance - apex) < abs($1.apexDistance - apex) })
            let measured = corner.versusReference.brakeReleaseLengthDelta ?? .nan
            print("release shape | \(url.lastPathComponent) T\(mistake.corner) | injected \(mistake.amount) m | measured \(measured) m")
            #expect(abs(measured + mistake.amount) <= Self.tolerance, "\(url.lastPathComponent) \(mistake): measured \(measured)")
        }
    }
}
