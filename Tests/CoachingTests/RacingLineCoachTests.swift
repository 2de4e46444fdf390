import Telemetry
import Testing

@testable import Coaching
@testable import LapSynthesis

/// Issue 16, the racing line: synthesised laps with positions, a driver's line moved to the
/// outside of one corner's apex on several laps. The habit is found at that corner, with the
/// offset it was moved by, and said on the approach; clean laps get no line cue; a driver (or a
/// reference) without positions has the topic off.
@Suite struct RacingLineCoachTests {
    let track = SyntheticTrack.testCircuit
    let car = CarProfile.gt4
    /// The apex offset read back: the bump's top is at the apex, read between two frames.
    static let apexTolerance = 0.75

    struct Drive {
        var cues: [Cue]
        var corners: [Int32: [CornerMetrics]]
        var topics: Set<Cue.Topic>
    }

    func drive(laps: Int, offsets: (SyntheticSession) -> [SyntheticPositions.Offset], positionedReference: Bool = true, positionedDriver: Bool = true) -> Drive {
        let session = LapSynthesizer.frames(track: track, car: car, laps: laps)
        let positions = SyntheticPositions(track: track)
        var choice = CoachDrive.shippedChoice(session, track: track, car: car)
        if positionedReference { choice.reference = choice.reference.map(positions.positioned) }
        var frames = positions.frames(session.frames, track: track, offsets: offsets(session))
        if !positionedDriver {
            for index in frames.indices { (frames[index].latitude, frames[index].longitude) = (frames.first?.latitude ?? 0, frames.first?.longitude ?? 0) }
        }
        let coach = DriverCoach(session: CoachDrive.descriptor(track, car: car, length: track.length), reference: choice, language: .english)
        let events = CoachDrive.stream(frames, through: coach)
        var corners: [Int32: [CornerMetrics]] = [:]
        for case .lapCompleted(let lap) in events { corners[lap.lapNumber] = lap.corners }
        return Drive(cues: CoachDrive.cues(events), corners: corners, topics: Set(coach.topics))
    }

    static func turn3(_ session: SyntheticSession) -> SyntheticCorner {
        session.corners.first { $0.number == 3 } ?? session.corners[0]
    }

    @Test func anApexMissedOnEveryLapIsFoundAtItsCornerAndSaidOnTheApproach() throws {
        let result = drive(laps: 6) { session in
            let corner = Self.turn3(session)
            return (2...6).map { SyntheticPositions.Offset(corner: corner, lap: Int32($0), metres: 4) }
        }
        let corner = 3
        #expect(result.topics.contains(.racingLine))
        for lap: Int32 in 2...5 {
            let metrics = try #require(result.corners[lap]?.first { $0.corner == corner })
            let apex = try #require(metrics.versusReference.lineApexOffset, "lap \(lap): no line reading at turn \(corner)")
            #expect(abs(apex - 4) <= Self.apexTolerance, "lap \(lap): apex \(apex) m")
            for other in result.corners[lap] ?? [] where other.corner != corner {
                #expect(abs(other.versusReference.lineApexOffset ?? 0) < 0.5, "lap \(lap) turn \(other.corner): \(other.versusReference)")
            }
        }
        let line = result.cues.filter { $0.topic == .racingLine }
        print("line cues:", line.map(\.text))
        #expect(!line.isEmpty)
        #expect(line.allSatisfy { $0.corner == corner && $0.kind == .anticipatory })
        #expect(line.contains { $0.numbers.lineApexOffset == 4 && $0.text.contains("4 metres closer to the apex") })
    }

    @Test func cleanLapsGetNoLineCue() {
        let result = drive(laps: 6) { _ in [] }
        #expect(result.topics.contains(.racingLine))
        let worst = result.corners.values.flatMap { $0 }.compactMap(\.versusReference.lineApexOffset).map(abs).max() ?? 99
        #expect(worst < 0.5, "the same line read \(worst) m off")
        #expect(!result.cues.contains { $0.topic == .racingLine })
    }

    @Test func withoutPositionsTheLineIsOff() {
        let offsets: (SyntheticSession) -> [SyntheticPositions.Offset] = { session in
            (2...6).map { SyntheticPositions.Offset(corner: Self.turn3(session), lap: Int32($0), metres: 4) }
        }
        for (reference, driver) in [(false, true), (true, false)] {
            let result = drive(laps: 6, offsets: offsets, positionedReference: reference, positionedDriver: driver)
            #expect(!result.topics.contains(.racingLine), "reference positions \(reference), driver's \(driver)")
            #expect(!result.cues.contains { $0.topic == .racingLine })
        }
    }
}
