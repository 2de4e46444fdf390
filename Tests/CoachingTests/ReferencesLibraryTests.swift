import Coaching
import Telemetry
import Testing

@Suite struct ReferencesLibraryTests {
    static let sebring = TrackDescriptor(name: "Sebring International", configuration: "International", length: 5793.8)

    static func entry(_ track: TrackDescriptor, car: String, lapTime: Double, source: String) -> ReferenceLibrary.Entry {
        let metadata = ReferenceLapMetadata(sim: "iracing", track: track, car: car, lapTime: lapTime, source: source, date: "2026-01-01")
        let reference = ReferenceLap(metadata: metadata, time: [0, 1], speed: [1, 1], throttle: [1, 1], brake: [0, 0], steering: [0, 0], gear: [1, 1])
        return .init(reference: reference, trackMap: TrackMap(track: track, corners: []))
    }

    static let library = ReferenceLibrary(entries: [
        entry(sebring, car: "Mercedes AMG GT4", lapTime: 128.4, source: "slow"),
        entry(sebring, car: "Mercedes AMG GT4", lapTime: 126.9, source: "fast"),
        entry(sebring, car: "Porsche 911 GT3 R", lapTime: 118.2, source: "other-car"),
        // Same name and configuration, another length: a different layout, even if faster.
        entry(TrackDescriptor(name: "Sebring International", configuration: "International", length: 3700),
              car: "Mercedes AMG GT4", lapTime: 80, source: "other-layout"),
        entry(TrackDescriptor(name: "Sebring International", configuration: "International", length: 5793.8),
              car: "Mercedes AMG GT4", lapTime: .nan, source: "broken"),
    ])

    static func session(car: String, track: TrackDescriptor = sebring) -> SessionDescriptor {
        SessionDescriptor(sim: "iracing", track: track, car: car, sessionType: "practice")
    }

    @Test func sameTrackAndCarPrefersTheFastest() {
        let choice = Self.library.choose(for: Self.session(car: "  mercedes amg gt4 "), allowOtherCars: true)
        #expect(choice.reason == .shippedForTrackAndCar)
        #expect(choice.reference?.metadata.source == "fast")
        #expect(choice.trackMap != nil)
    }

    @Test func anotherCarOnlyWhenAllowed() {
        let allowed = Self.library.choose(for: Self.session(car: "BMW M4 GT4"), allowOtherCars: true)
        #expect(allowed.reason == .shippedForTrack)
        #expect(allowed.reference?.metadata.source == "other-car")
        let refused = Self.library.choose(for: Self.session(car: "BMW M4 GT4"), allowOtherCars: false)
        #expect(refused.reason == ReferenceChoice.Reason.none)
        #expect(refused.reference == nil && refused.trackMap == nil)
    }

    @Test func trackLengthMustAgreeWithinOnePercent() {
        let remeasured = TrackDescriptor(name: "sebring international ", configuration: "INTERNATIONAL", length: 5830)
        #expect(Self.library.choose(for: Self.session(car: "Mercedes AMG GT4", track: remeasured), allowOtherCars: false)
            .reference?.metadata.source == "fast")
        let shortLayout = TrackDescriptor(name: "Sebring International", configuration: "International", length: 3720)
        #expect(Self.library.choose(for: Self.session(car: "Mercedes AMG GT4", track: shortLayout), allowOtherCars: false)
            .reference?.metadata.source == "other-layout")
        let tooFar = TrackDescriptor(name: "Sebring International", configuration: "International", length: 5900)
        #expect(Self.library.choose(for: Self.session(car: "Mercedes AMG GT4", track: tooFar), allowOtherCars: true)
            .reason == ReferenceChoice.Reason.none)
    }

    @Test func otherTracksAndEmptyLibrariesGiveNone() {
        let langley = TrackDescriptor(name: "Langley Speedway", configuration: "", length: 580)
        #expect(Self.library.choose(for: Self.session(car: "Mercedes AMG GT4", track: langley), allowOtherCars: true)
            .reason == ReferenceChoice.Reason.none)
        #expect(ReferenceLibrary().choose(for: Self.session(car: "x"), allowOtherCars: true).reason == ReferenceChoice.Reason.none)
    }
}
