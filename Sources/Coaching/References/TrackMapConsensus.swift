import Telemetry

/// A track map from several laps of one layout: the reference lap's corners, each kept only when
/// most laps slow down there too, so one lap's lift, moment or extra dab of brake does not become
/// a corner of the track.
public enum TrackMapConsensus {
    /// How far the slowest point of one corner moves from lap to lap, metres. It slides along the
    /// corner's arc with the line and speed taken: at Brands Hatch's Paddock Hill (a long, fast
    /// right) eight laps of one driver put it between 232 and 307 m. Distinct corners closer than
    /// this are told apart by matching each lap's corner to the nearest reference corner.
    public static let apexWander = 75.0

    /// - Parameters:
    ///   - reference: the lap the map describes (entry, apex, exit and brake point are its own).
    ///   - laps: every lap of the set on the same grid, the reference among them or not.
    ///   - names: an earlier map of the layout whose names and landmarks are kept (`TrackMapMerge`).
    public static func trackMap(reference: ReferenceLap, laps: [ReferenceLap], track: TrackDescriptor, names: TrackMap? = nil) -> TrackMap {
        let n = reference.count
        let own = TrackSegmenter.trackMap(for: reference, track: track)
        // The reference votes once, whether or not `laps` holds it.
        var others = laps.filter { $0.count == n }
        if let own = others.firstIndex(of: reference) { others.remove(at: own) }
        guard !others.isEmpty else { return TrackMapMerge.merge(detected: own, edited: names) }
        let otherMaps = others.map { TrackSegmenter.trackMap(for: $0, track: track) }
        let apexes = own.corners.map(\.apex)
        // Votes: the reference itself, plus each other lap with a corner whose nearest
        // reference corner is this one, within `apexWander`.
        var votes = [Int](repeating: 1, count: apexes.count)
        for map in otherMaps {
            var seen = Set<Int>()
            for corner in map.corners {
                guard let nearest = nearestIndex(of: corner.apex, in: apexes, count: n),
                    Grid.circularDistance(corner.apex, apexes[nearest], count: n) <= apexWander
                else { continue }
                seen.insert(nearest)
            }
            for index in seen { votes[index] += 1 }
        }
        let total = others.count + 1
        var kept = zip(own.corners, votes).filter { 2 * $0.1 > total }.map(\.0)
        for index in kept.indices { kept[index].number = index + 1 }
        return TrackMapMerge.merge(detected: TrackMap(track: track, corners: kept), edited: names)
    }

    static func nearestIndex(of position: Double, in positions: [Double], count n: Int) -> Int? {
        positions.indices.min { Grid.circularDistance(positions[$0], position, count: n) < Grid.circularDistance(positions[$1], position, count: n) }
    }
}

extension Grid {
    /// Metres between two positions on a closed lap, whichever way round is shorter.
    static func circularDistance(_ a: Double, _ b: Double, count: Int) -> Double {
        let forward = forwardDistance(from: a, to: b, count: count)
        return min(forward, Double(count) - forward)
    }
}
