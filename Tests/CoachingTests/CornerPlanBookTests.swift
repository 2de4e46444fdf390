import LapSynthesis
import Telemetry
import Testing

@testable import Coaching

/// One reference's corner plans, planned once by the library and shared by every coach on it.
@Suite struct CornerPlanBookTests {
    let track = SyntheticTrack.testCircuit
    let car = CarProfile.gt4

    /// Laps with a habit the coach speaks about (feedback, then approach advice).
    private func session() -> SyntheticSession {
        LapSynthesizer.frames(
            track: track, car: car, laps: 5, mistakes: [2, 3, 4].map { .brakeEarly(corner: 2, lap: $0, metres: 20) })
    }

    private func cues(_ session: SyntheticSession, choice: ReferenceChoice) -> [Cue] {
        let coach = DriverCoach(
            session: CoachDrive.descriptor(track, car: car, length: track.length), reference: choice, language: .english)
        return CoachDrive.cues(CoachDrive.stream(session.frames, through: coach))
    }

    @Test func theLibraryPassesItsEntrysPlansOnWithEveryChoice() throws {
        let library = ReferencesLibraryTests.library
        let choice = library.choose(for: ReferencesLibraryTests.session(car: "Mercedes AMG GT4"), allowOtherCars: false)
        let entry = try #require(library.entries.first { $0.reference.metadata.source == "fast" })
        let book = try #require(choice.cornerPlans)
        #expect(book === entry.cornerPlans)
        let other = library.choose(for: ReferencesLibraryTests.session(car: "BMW M4 GT4"), allowOtherCars: true)
        #expect(other.cornerPlans === library.entries.first { $0.reference.metadata.source == "other-car" }?.cornerPlans)
        // Without a track map each coach segments for its own session: nothing is planned ahead.
        #expect(ReferenceLibrary.Entry(reference: entry.reference, trackMap: nil).cornerPlans == nil)
    }

    @Test func coachesOnOneReferenceShareOnePlanArray() throws {
        let session = session()
        let shipped = CoachDrive.shippedChoice(session, track: track, car: car)
        let entry = ReferenceLibrary.Entry(reference: session.reference, trackMap: try #require(shipped.trackMap))
        let book = try #require(entry.cornerPlans)
        #expect(book.count > 0)
        let coaches = (0..<2).map { _ in
            CornerCoach(reference: entry.reference, trackMap: book.trackMap, language: .english, plans: book)
        }
        let shared = book.plans.withUnsafeBufferPointer { $0.baseAddress }
        for coach in coaches {
            #expect(coach.plans.withUnsafeBufferPointer { $0.baseAddress } == shared)
            #expect(coach.slots.withUnsafeBufferPointer { $0.baseAddress } == book.slots.withUnsafeBufferPointer { $0.baseAddress })
        }
        // A coach without the book plans its own copy.
        let own = CornerCoach(reference: entry.reference, trackMap: book.trackMap, language: .english)
        #expect(own.plans.withUnsafeBufferPointer { $0.baseAddress } != shared)
    }

    @Test func sharedPlansSayExactlyWhatEachCoachsOwnPlansSaid() throws {
        let session = session()
        let shipped = CoachDrive.shippedChoice(session, track: track, car: car)
        let entry = ReferenceLibrary.Entry(reference: session.reference, trackMap: shipped.trackMap)
        var choice = shipped
        choice.cornerPlans = entry.cornerPlans
        let own = cues(session, choice: shipped)
        #expect(own.contains { $0.kind == .anticipatory }, "the habit must be coached, or this compares nothing")
        #expect(cues(session, choice: choice) == own)
    }

    @Test func aBookMadeForOtherInputsIsNotUsed() throws {
        let session = session()
        let shipped = CoachDrive.shippedChoice(session, track: track, car: car)
        let map = try #require(shipped.trackMap)
        let own = cues(session, choice: shipped)
        // A book with no corners: used by mistake, the coach would say nothing.
        var emptyMap = map
        emptyMap.corners = []
        var choice = shipped
        choice.cornerPlans = CornerPlanBook(reference: session.reference, trackMap: emptyMap)
        #expect(cues(session, choice: choice) == own)
        // Another cue configuration (a longer reaction time moves every deadline).
        var slower = CueConfiguration()
        slower.reactionTime *= 3
        choice.cornerPlans = CornerPlanBook(reference: session.reference, trackMap: map, configuration: slower)
        #expect(cues(session, choice: choice) == own)
        // Another reference of the same length (the book's must be the coach's).
        var faster = session.reference
        faster.time = faster.time.map { $0 * 0.9 }
        choice.cornerPlans = CornerPlanBook(reference: faster, trackMap: map)
        #expect(cues(session, choice: choice) == own)
    }
}
