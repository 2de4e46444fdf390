/// Finds how far along a `TrackPath` a position is: the nearest point on the path, searched in a
/// window around the last answer so that a hairpin or a crossover never pulls the answer to the
/// other branch, and over the whole path when the car is far from the window (the first frame,
/// a reset, a teleport to the pits).
public struct TrackPathProjector: Sendable {
    public struct Projection: Sendable, Equatable {
        /// Metres along the path, 0 ..< `path.length`.
        public var distance: Double
        /// Metres from the path (how far the car is off the recorded line).
        public var offset: Double
        /// The search had to look at the whole path.
        public var relocated: Bool
    }

    public let path: TrackPath
    /// Metres searched behind and ahead of the last answer. At 90 m/s a 60 Hz frame moves 1.5 m;
    /// 150 m ahead covers 1.6 s of lost packets, 30 m behind covers a car backing up.
    public var searchBehind: Double
    public var searchAhead: Double
    /// Farther than this from the best point in the window, the car may be somewhere else: a
    /// reset moves it by tens of metres along the track, while one line differs from another by a
    /// track's width (10-15 m). It is relocated when another part of the path is this close and
    /// less than half as far.
    public var relocationOffset: Double

    private var last: (segment: Int, distance: Double)?

    public init(path: TrackPath, searchBehind: Double = 30, searchAhead: Double = 150, relocationOffset: Double = 25) {
        self.path = path
        self.searchBehind = searchBehind
        self.searchAhead = searchAhead
        self.relocationOffset = relocationOffset
    }

    /// Forget the last answer: the next projection searches the whole path.
    public mutating func forgetPosition() { last = nil }

    /// - Parameter maximumAdvance: how far along the car can have gone since the last answer
    ///   (speed × time, with margin). The answer moves at most that far ahead and a little less
    ///   back: where the car runs a few metres inside a tight corner of the recorded line, the
    ///   nearest point sweeps round the corner faster than the car and would jump ahead.
    public mutating func project(x: Double, z: Double, maximumAdvance: Double? = nil) -> Projection {
        let point = TrackPath.Point(x: x, z: z)
        guard let last else { return relocate(to: point) }
        let ahead = min(maximumAdvance ?? searchAhead, searchAhead)
        let behind = min(searchBehind, 3 + ahead)
        var local = nearest(to: point, in: window(around: last.segment, behind: behind, ahead: ahead))
        if local.offset > relocationOffset {
            // Far from where the car was: a reset or teleport puts it back on the line elsewhere
            // (close to some other part of the path); a slide onto the run-off leaves it far from
            // every part of the path, and then the local answer stands.
            let global = nearest(to: point, in: Array(path.points.indices))
            if global.offset <= relocationOffset, global.offset < local.offset / 2 { return relocate(to: point, global) }
        }
        var step = local.distance - last.distance
        if step > path.length / 2 { step -= path.length } else if step < -path.length / 2 { step += path.length }
        let clamped = min(max(step, -behind), ahead)
        if clamped != step {
            local.distance = last.distance + clamped
            if local.distance < 0 { local.distance += path.length } else if local.distance >= path.length { local.distance -= path.length }
        }
        self.last = (local.segment, local.distance)
        return Projection(distance: local.distance, offset: local.offset, relocated: false)
    }

    private mutating func relocate(
        to point: TrackPath.Point, _ found: (segment: Int, distance: Double, offset: Double)? = nil
    ) -> Projection {
        let global = found ?? nearest(to: point, in: Array(path.points.indices))
        last = (global.segment, global.distance)
        return Projection(distance: global.distance, offset: global.offset, relocated: true)
    }

    /// Segment indices from `behind` metres before `segment` to `ahead` metres after it.
    private func window(around segment: Int, behind: Double, ahead: Double) -> [Int] {
        let count = path.points.count
        var indices = [segment]
        var covered = 0.0
        var index = segment
        while covered < behind, indices.count < count {
            index = (index - 1 + count) % count
            covered += path.segmentLength(index)
            indices.append(index)
        }
        covered = path.segmentLength(segment)
        index = segment
        while covered < ahead, indices.count < count {
            index = (index + 1) % count
            covered += path.segmentLength(index)
            indices.append(index)
        }
        return indices
    }

    private func nearest(to point: TrackPath.Point, in segments: [Int]) -> (segment: Int, distance: Double, offset: Double) {
        var best = (segment: segments[0], distance: 0.0, offset: Double.infinity)
        let count = path.points.count
        for segment in segments {
            let a = path.points[segment]
            let b = path.points[segment + 1 == count ? 0 : segment + 1]
            let dx = b.x - a.x, dz = b.z - a.z
            let squared = dx * dx + dz * dz
            let t = squared > 0 ? min(max(((point.x - a.x) * dx + (point.z - a.z) * dz) / squared, 0), 1) : 0
            let px = a.x + t * dx, pz = a.z + t * dz
            let offset = ((point.x - px) * (point.x - px) + (point.z - pz) * (point.z - pz)).squareRoot()
            if offset < best.offset {
                var along = path.cumulative[segment] + t * squared.squareRoot()
                if along >= path.length { along -= path.length }
                best = (segment, along, offset)
            }
        }
        return best
    }
}
