import Coaching
import Foundation
import Telemetry
import Testing
import TestSupport

/// Issue 16's racing line on GT7: the export's world x/z metres (`WorldPosition`) give the coach
/// positions, so the line is read at every corner as for iRacing. Each GT7 recording in
/// ../shared/data is coached against its fastest lap; every apex offset the coach stores is
/// checked against the same offset computed here from the raw frames (the lap's position at the
/// reference apex's lap distance, across the reference's direction there). The AC export
/// (FSUK) holds no positions, so the decoders' mapping (GT7, AC, Forza) is covered by `WorldPositionMappingTests`.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "skipped: needs ../shared/data (absent)"))
struct WorldPositionLineTests {
    static let paths = RealRecordingSession.paths.filter { $0.contains("gt7-gt7dashboard") }

    @Test(arguments: paths)
    func apexOffsetsAreReadOnGT7Laps(path: String) throws {
        let recording = try RealRecordingSession(path: path)
        let reference = try #require(recording.reference)
        let coach = DriverCoach(
            session: recording.session, reference: ReferenceChoice(reference: reference, trackMap: nil, reason: .shippedForTrackAndCar),
            language: .english)
        #expect(coach.topics.contains(.racingLine), "\(recording.name): positions make the racing line a topic")
        var events: [CoachingEvent] = []
        for (index, frame) in recording.frames.enumerated() {
            coach.process(LiveFrame(frame: frame, batchSequence: UInt64(index / 6 + 1)), into: &events)
        }
        coach.finish(into: &events)
        let laps = events.compactMap { if case .lapCompleted(let lap) = $0, lap.isValid, !lap.corners.isEmpty { lap } else { nil } }
        var checked = 0
        for lap in laps {
            for corner in lap.corners {
                guard let offset = corner.versusReference.lineApexOffset, let mapCorner = recording.corners.first(where: { $0.number == corner.corner })
                else { continue }
                let raw = try #require(Self.rawApexOffset(lap: lap.lapNumber, apex: mapCorner.apex, in: recording))
                print(String(format: "line | %@ | lap %d T%d | apex offset %+.2f m | raw %+.2f m", recording.name, lap.lapNumber, corner.corner, offset, raw))
                // Same cross-section, two interpolations (grid and frames, 1-4 m apart at 60 Hz).
                #expect(abs(abs(offset) - abs(raw)) <= 0.75, "\(recording.name) lap \(lap.lapNumber) T\(corner.corner): \(offset) vs \(raw)")
                #expect(abs(offset) < 20, "wider than any track")
                if lap.lapNumber == recording.referenceLap { #expect(abs(offset) < 0.5, "the reference against itself") }
                checked += 1
            }
        }
        // Every corner of (nearly) every valid lap: a corner whose apex frame pair spans a data
        // gap or the line is the exception.
        #expect(Double(checked) >= 0.8 * Double(laps.count * recording.corners.count), "\(recording.name): \(checked) apex offsets")
    }

    /// The lap's position at lap distance `apex`, across the reference's direction there
    /// (±5 m), in metres: from the frames' world x/z alone.
    static func rawApexOffset(lap: Int32, apex: Double, in recording: RealRecordingSession) -> Double? {
        func metres(_ frame: TelemetryFrame) -> (x: Double, z: Double)? {
            guard frame.latitude.isFinite, frame.longitude.isFinite else { return nil }
            return ((frame.longitude - WorldPosition.originLongitude) * WorldPosition.metresPerDegree, frame.latitude * WorldPosition.metresPerDegree)
        }
        func at(_ distance: Double, _ frames: [TelemetryFrame]) -> (x: Double, z: Double)? {
            for (a, b) in zip(frames, frames.dropFirst()) where Double(a.lapDistance) <= distance && Double(b.lapDistance) > distance {
                guard let p = metres(a), let q = metres(b) else { return nil }
                let t = (distance - Double(a.lapDistance)) / Double(b.lapDistance - a.lapDistance)
                return (p.x + t * (q.x - p.x), p.z + t * (q.z - p.z))
            }
            return nil
        }
        let mine = recording.rawLap(lap), theirs = recording.rawLap(recording.referenceLap)
        guard let p = at(apex, mine), let r = at(apex, theirs), let before = at(apex - 5, theirs), let after = at(apex + 5, theirs) else { return nil }
        let dx = after.x - before.x, dz = after.z - before.z
        let length = (dx * dx + dz * dz).squareRoot()
        guard length > 0 else { return nil }
        return (dx * (p.z - r.z) - dz * (p.x - r.x)) / length
    }
}
