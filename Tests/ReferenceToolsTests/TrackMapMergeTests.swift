import Coaching
import Telemetry
import Testing

/// Names and landmarks a person wrote survive a re-import that finds the corners again.
@Suite struct TrackMapMergeTests {
    let track = TrackDescriptor(name: "Brands Hatch", configuration: "Indy", length: 1900)

    func corner(_ number: Int, apex: Double, name: String? = nil, landmark: String? = nil) -> TrackMap.Corner {
        TrackMap.Corner(number: number, name: name, landmark: landmark, entry: apex - 60, apex: apex, exit: apex + 40, brakePoint: apex - 80)
    }

    @Test func namesFollowTheCornerPositionNotItsNumber() {
        let edited = TrackMap(track: track, corners: [
            corner(1, apex: 250, name: "T1 Paddock Hill", landmark: "brake at the 100 board"),
            corner(2, apex: 600, name: "Druids"),
        ])
        // The new map finds an extra corner before Paddock Hill and Druids 40 m later.
        let detected = TrackMap(track: track, corners: [corner(1, apex: 120), corner(2, apex: 262), corner(3, apex: 640)])
        let merged = TrackMapMerge.merge(detected: detected, edited: edited)
        #expect(merged.corners.map(\.number) == [1, 2, 3])
        #expect(merged.corners.map(\.name) == [nil, "T1 Paddock Hill", "Druids"])
        #expect(merged.corners[1].landmark == "brake at the 100 board")
        #expect(merged.corners[1].apex == 262, "positions come from the new detection")
    }

    @Test func aNamedCornerTheDetectionMissedIsKeptAndEverythingRenumbered() {
        let edited = TrackMap(track: track, corners: [corner(1, apex: 250, name: "Paddock"), corner(2, apex: 1200, name: "Surtees")])
        let detected = TrackMap(track: track, corners: [corner(1, apex: 255), corner(2, apex: 1430)])
        let merged = TrackMapMerge.merge(detected: detected, edited: edited)
        #expect(merged.corners.map(\.apex) == [255, 1200, 1430])
        #expect(merged.corners.map(\.name) == ["Paddock", "Surtees", nil])
        #expect(merged.corners.map(\.number) == [1, 2, 3])
        #expect((try? TrackMapFile.validate(merged)) != nil)
    }

    @Test func twoDetectedCornersNeverShareOneName() {
        let edited = TrackMap(track: track, corners: [corner(1, apex: 600, name: "Druids")])
        let detected = TrackMap(track: track, corners: [corner(1, apex: 570), corner(2, apex: 630)])
        let merged = TrackMapMerge.merge(detected: detected, edited: edited)
        #expect(merged.corners.compactMap(\.name) == ["Druids"])
    }

    @Test func withoutAnEditedMapTheDetectionIsReturnedAsIs() {
        let detected = TrackMap(track: track, corners: [corner(1, apex: 255)])
        #expect(TrackMapMerge.merge(detected: detected, edited: nil) == detected)
    }
}
