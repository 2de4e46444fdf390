import Coaching
import Foundation
import ReferenceTools
import Telemetry
import TestSupport
import Testing

/// Segmentation on every road course at hand (shared/data, read-only, never copied) and on the
/// .ibt laps: the track map found from a set of laps has the same corners on every lap, and the
/// brake points of one corner agree from lap to lap except where the raw pedal channel shows
/// the driver really braked elsewhere.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data is absent"))
struct SegmentationConsistencyTests {
    static let sets = [
        "telemetry-road/gt7-gt7dashboard/derived/gt7_brandshatch_indy_laps.csv",
        "telemetry-road/gt7-gt7dashboard/derived/gt7_broadbean_laps.csv",
        "telemetry-road/gt7-gt7dashboard/derived/gt7_tsukuba_laps.csv",
        "telemetry-road/ac-acti-motec-fsuk/derived/fsuk_endurance_mftc3_laps.csv",
        "telemetry-road/iracing-ocypode-summitpoint/derived/summit_point_laps.csv",
        "telemetry/rr_skmodified_langley_2015-05-28_14-46-23.ibt",
        "telemetry/rr_skmodified_langley_2015-05-28_14-50-46.ibt",
    ]

    /// Brake points of one corner on most laps lie within this of their median: a driver aiming
    /// at the same marker at 100-200 km/h misses it by a few car lengths at most.
    static let brakePointAgreement = 15.0

    /// Laps slower than this fraction of the best are not the same driving (racing's 107 % rule):
    /// Brands Hatch's lap 3, 19 % slow, has a half spin at 440 m that swallows Paddock Hill.
    static let representativePace = 1.07

    struct LapSet {
        let importer: LapImporter
        let laps: [(lap: RecordedLap, grid: ReferenceLap)]
        let best: ReferenceLap
        let map: TrackMap

        init(_ path: String) throws {
            let url = try #require(TestData.sharedDataDirectory).appendingPathComponent(path)
            let importer = try LapImporter(recording: LapRecordingReader.read(url))
            self.importer = importer
            let valid = try importer.split.laps.filter { $0.status == .valid }.map { ($0, try importer.reference(for: $0)) }
            best = try #require(valid.min { $0.1.metadata.lapTime < $1.1.metadata.lapTime }).1
            let limit = best.metadata.lapTime * SegmentationConsistencyTests.representativePace
            let representative = valid.filter { $0.1.metadata.lapTime <= limit }
            laps = representative
            map = TrackMapConsensus.trackMap(reference: best, laps: representative.map(\.1), track: importer.track)
        }
    }

    @Test(arguments: sets)
    func everyLapHasTheMapsCornersAndExtrasAreTheDriversOwn(path: String) throws {
        let set = try LapSet(path)
        try #require(set.laps.count >= 2, "\(path): a set needs two valid laps")
        #expect(set.map.corners.count >= 2, "\(path)")
        let n = set.best.count
        print("\(path): \(set.laps.count) laps, map apexes \(set.map.corners.map { Int($0.apex) })")
        for (lap, grid) in set.laps {
            let own = TrackSegmenter.trackMap(for: grid, track: set.importer.track).corners.map(\.apex)
            for (index, corner) in set.map.corners.enumerated() {
                guard !own.contains(where: { distance($0, corner.apex, n) <= TrackMapConsensus.apexWander }) else { continue }
                // Not found on this lap only when the driver never accelerated out of it: the raw
                // throttle stays off from its apex to the next corner's (one long slowdown).
                let next = set.map.corners[(index + 1) % set.map.corners.count].apex
                let coasted = throttleStaysOff(on: lap, from: corner.apex, to: next, lapLength: set.importer.split.lapLength)
                print("  lap \(lap.number): no dip at T\(corner.number), throttle off to the next corner: \(coasted)")
                #expect(coasted, "\(path) lap \(lap.number): no corner near T\(corner.number) (apex \(Int(corner.apex)))")
            }
            // A dip the map does not have is the driver's own doing on that lap: a brake or a lift
            // in the 150 m before it, which the raw pedal channels show.
            for apex in own where !set.map.corners.contains(where: { distance($0.apex, apex, n) <= TrackMapConsensus.apexWander }) {
                let pedal = pedalEvent(on: lap, before: apex, lapLength: set.importer.split.lapLength)
                print("  lap \(lap.number): own dip at \(Int(apex)) m, pedal: \(pedal ?? "none")")
                #expect(pedal != nil, "\(path) lap \(lap.number): a dip at \(Int(apex)) m with no brake or lift before it")
            }
        }
    }

    @Test(arguments: sets)
    func brakePointsAgreeExceptWhereTheRawPedalSaysOtherwise(path: String) throws {
        let set = try LapSet(path)
        try #require(set.laps.count >= 2)
        let measured = set.laps.map { ($0.lap, CornerAnalyzer.measure(lap: $0.grid, reference: set.best, trackMap: set.map)) }
        var agreeing = 0, total = 0
        for corner in set.map.corners where corner.brakePoint != nil {
            var points: [Double] = []
            for (lap, metrics) in measured {
                guard let point = metrics.first(where: { $0.corner == corner.number })?.brakePoint else { continue }
                // The detector's onset is where the raw pedal channel first crosses the threshold.
                let raw = try #require(rawOnset(on: lap, near: point), "\(path) lap \(lap.number) T\(corner.number)")
                #expect(abs(raw.distance - point) <= raw.sampleTravel + 1, "\(path) lap \(lap.number) T\(corner.number): \(point) vs raw \(raw.distance)")
                points.append(point)
            }
            guard !points.isEmpty else { continue }
            let median = points.sorted()[points.count / 2]
            agreeing += points.filter { abs($0 - median) <= Self.brakePointAgreement }.count
            total += points.count
            print("  T\(corner.number) brake points \(points.map { Int($0) }), median \(Int(median))")
        }
        // Points away from their median were shown above to be where that lap's raw pedal went
        // on: the driver braked elsewhere. A broken detector (wrong scale, wrong window)
        // scatters every corner; a driver repeats most of them.
        print("  \(agreeing) of \(total) brake points within \(Int(Self.brakePointAgreement)) m of their corner's median")
        #expect(3 * agreeing >= 2 * total, "\(path): only \(agreeing) of \(total) brake points agree")
    }

    /// True when the raw throttle is never held at `PedalThresholds.throttleFull` for
    /// `PedalThresholds.sustainedThrottle` (the coach's own pick-up rule: shorter is a blip)
    /// between `from` and `to` (metres, forward around the lap).
    func throttleStaysOff(on lap: RecordedLap, from: Double, to: Double, lapLength: Double) -> Bool {
        let span = (to - from + lapLength).truncatingRemainder(dividingBy: lapLength)
        var heldSince: Double?
        for frame in lap.frames {
            let along = (Double(frame.lapDistance) - from + lapLength).truncatingRemainder(dividingBy: lapLength)
            guard along <= span, frame.throttle >= PedalThresholds.throttleFull else {
                heldSince = nil
                continue
            }
            let since = heldSince ?? frame.sessionTime
            heldSince = since
            if frame.sessionTime - since >= PedalThresholds.sustainedThrottle { return false }
        }
        return true
    }

    /// Where the raw brake pressure first reaches `PedalThresholds.brakeOn` within 60 m of
    /// `point`, interpolated between the two frames around it, and how far the car moved
    /// between those frames (the resolution of the recording there).
    func rawOnset(on lap: RecordedLap, near point: Double) -> (distance: Double, sampleTravel: Double)? {
        let frames = lap.frames
        for index in frames.indices.dropFirst() {
            let a = frames[index - 1], b = frames[index]
            guard abs(Double(b.lapDistance) - point) <= 60, a.brake < PedalThresholds.brakeOn, b.brake >= PedalThresholds.brakeOn else { continue }
            let fraction = Double((PedalThresholds.brakeOn - a.brake) / (b.brake - a.brake))
            let travel = Double(b.lapDistance - a.lapDistance)
            let onset = Double(a.lapDistance) + fraction * travel
            if abs(onset - point) <= travel + 1 { return (onset, travel) }
        }
        return nil
    }

    /// "brake 0.45 at 1180 m" or "lift to 0.20 at 1700 m" in the 150 m before `apex`, raw frames.
    func pedalEvent(on lap: RecordedLap, before apex: Double, lapLength: Double) -> String? {
        let window = lap.frames.filter { frame in
            let back = (apex - Double(frame.lapDistance) + lapLength).truncatingRemainder(dividingBy: lapLength)
            return back <= 150
        }
        if let braked = window.max(by: { $0.brake < $1.brake }), braked.brake >= PedalThresholds.brakeOn {
            return String(format: "brake %.2f at %.0f m", braked.brake, braked.lapDistance)
        }
        if let lifted = window.min(by: { $0.throttle < $1.throttle }), lifted.throttle < PedalThresholds.throttleFull {
            return String(format: "lift to %.2f at %.0f m", lifted.throttle, lifted.lapDistance)
        }
        return nil
    }

    func distance(_ a: Double, _ b: Double, _ n: Int) -> Double {
        let d = abs(a - b).truncatingRemainder(dividingBy: Double(n))
        return min(d, Double(n) - d)
    }
}
