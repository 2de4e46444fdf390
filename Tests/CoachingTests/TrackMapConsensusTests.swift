import Coaching
import LapSynthesis
import Telemetry
import Testing

/// A corner belongs to the track when most laps slow there, not when one lap does.
@Suite struct TrackMapConsensusTests {
    static let clean = LapSynthesizer.referenceLap(track: .clubCircuit, car: .gt4)
    static var track: TrackDescriptor { clean.metadata.track }

    /// The clean lap with the driver lifting on the longest full-throttle stretch: speed falls
    /// linearly to 85 % of what it was 60 m earlier and comes back over the next 60 m (a
    /// moment, not a corner).
    static func withLift() throws -> (lap: ReferenceLap, at: Int) {
        var lap = clean
        let straight = try #require(longestFullThrottle(clean))
        let centre = straight.lowerBound + straight.count / 2
        let bottom = clean.speed[centre - 60] * 0.85
        for offset in -60...60 {
            let index = centre + offset
            let v = bottom + (clean.speed[centre + (offset < 0 ? -60 : 60)] - bottom) * Float(abs(offset)) / 60
            lap.speed[index] = min(clean.speed[index], v)
            lap.throttle[index] = 0
        }
        // Keep time consistent with the slower speed (strictly increasing, as files require).
        for index in 1..<lap.count {
            lap.time[index] = lap.time[index - 1] + 1 / max(lap.speed[index], 1)
        }
        return (lap, centre)
    }

    static func longestFullThrottle(_ lap: ReferenceLap) -> Range<Int>? {
        var best: Range<Int>?, start: Int?
        for index in 0..<lap.count {
            if lap.throttle[index] >= 0.99, lap.brake[index] == 0 {
                if start == nil { start = index }
            } else if let s = start {
                if index - s > (best?.count ?? 0), s > 100 { best = s..<index }
                start = nil
            }
        }
        return best
    }

    @Test func aDipOnTheReferenceLapAloneIsNotACorner() throws {
        let (lifted, at) = try Self.withLift()
        let own = TrackSegmenter.trackMap(for: lifted, track: Self.track)
        #expect(own.corners.contains { abs($0.apex - Double(at)) < 30 }, "the lift alone is a dip the segmenter sees")
        let map = TrackMapConsensus.trackMap(reference: lifted, laps: [lifted, Self.clean, Self.clean], track: Self.track)
        #expect(!map.corners.contains { abs($0.apex - Double(at)) < 30 })
        let cleanMap = TrackSegmenter.trackMap(for: Self.clean, track: Self.track)
        #expect(map.corners.map(\.apex) == cleanMap.corners.map(\.apex))
        #expect(map.corners.map(\.number) == Array(1...map.corners.count))
    }

    @Test func aDipMostLapsShareIsKept() throws {
        let (lifted, at) = try Self.withLift()
        let map = TrackMapConsensus.trackMap(reference: lifted, laps: [lifted, lifted, Self.clean], track: Self.track)
        #expect(map.corners.contains { abs($0.apex - Double(at)) < 30 })
    }

    /// A real lap's two ends are driven at different moments; the speed step at the line must
    /// not make a corner there.
    @Test func theSeamOfALapIsNotACorner() {
        var lap = Self.clean
        let drop = lap.speed[0] * 0.1
        for index in 0..<20 { lap.speed[index] -= drop * Float(20 - index) / 20 }
        let map = TrackSegmenter.trackMap(for: lap, track: Self.track)
        let cleanMap = TrackSegmenter.trackMap(for: Self.clean, track: Self.track)
        #expect(map.corners.map(\.apex) == cleanMap.corners.map(\.apex))
    }
}
