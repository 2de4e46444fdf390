import Telemetry

/// Puts one lap's frames on the 1 m distance grid of `ReferenceLap`, so that a reference lap (or a
/// driver's own lap) can be compared with live frames by one array index.
///
/// The grid has `Int(trackLength.rounded(.down)) + 1` points, at 0, 1, ..., ⌊L⌋ metres: every point
/// lies on the lap, and the last partial metre up to the line is covered by `metadata.lapTime`
/// (see `DeltaTracker`). A lap without an end time (a partial lap) stops at its last frame.
public enum ReferenceResampler {
    /// Grid spacing in metres (protocol and file version 1).
    public static let gridSpacing: Double = 1

    /// Largest distance between two consecutive usable points, metres. At 60 Hz even 90 m/s is
    /// 1.5 m per frame (and 16 Hz batches of 60 Hz frames change nothing), so a 50 m hole means
    /// about half a second of missing data, not speed; interpolating across it would invent a lap.
    public static let maximumGap: Double = 50

    /// Longest track accepted, metres. The Nürburgring combined layout is about 25 km; anything far
    /// beyond is a unit mistake (millimetres, feet) and would allocate huge grids.
    public static let maximumTrackLength: Double = 100_000

    /// Usable frames a lap needs besides the line itself: two give at least one real segment.
    public static let minimumUsableFrames = 2

    /// - Parameters:
    ///   - lapFrames: the lap's frames in order; frames before `lapStartTime` or after
    ///     `lapEndTime`, with non-finite values, or not moving forward in distance and time
    ///     (duplicates, backward jitter) are dropped.
    ///   - lapStartTime: session time of the start line crossing; elapsed time is measured from it
    ///     and is 0 at 0 m even when the first frame is a little after the line.
    ///   - lapEndTime: session time of the finish line crossing, or nil for a partial lap.
    ///   - trackLength: metres; sets the grid size.
    ///   - metadata: stored on the result; `lapTime` is replaced by `lapEndTime - lapStartTime`
    ///     when the end is known, so the grid and its lap time cannot disagree.
    public static func resample(
        lapFrames: [TelemetryFrame], lapStartTime: Double, lapEndTime: Double?, trackLength: Double,
        metadata: ReferenceLapMetadata
    ) throws(AlignmentError) -> ReferenceLap {
        guard trackLength.isFinite, trackLength >= gridSpacing, trackLength <= maximumTrackLength else {
            throw .invalidTrackLength(trackLength)
        }
        guard lapStartTime.isFinite, lapEndTime.map({ $0.isFinite && $0 > lapStartTime }) ?? true else {
            throw .invalidLapTimes(start: lapStartTime, end: lapEndTime)
        }
        let points = try linePoints(
            lapFrames: lapFrames, lapStartTime: lapStartTime, lapEndTime: lapEndTime, trackLength: trackLength)
        var metadata = metadata
        if let lapEndTime { metadata.lapTime = lapEndTime - lapStartTime }
        return grid(from: points, metadata: metadata)
    }

    /// The usable frames framed by the line: a point at 0 m / 0 s first and, when the lap end is
    /// known, one at `trackLength` / lap time last. Throws when too little or too sparse.
    private static func linePoints(
        lapFrames: [TelemetryFrame], lapStartTime: Double, lapEndTime: Double?, trackLength: Double
    ) throws(AlignmentError) -> [ResamplePoint] {
        let endElapsed = lapEndTime.map { $0 - lapStartTime }
        var usable: [ResamplePoint] = []
        usable.reserveCapacity(lapFrames.count)
        for frame in lapFrames where frame.sessionTime.isFinite && frame.lapDistance.isFinite {
            let point = ResamplePoint(frame: frame, lapStartTime: lapStartTime)
            let previousDistance = usable.last?.distance ?? 0
            let previousElapsed = usable.last?.elapsed ?? 0
            guard point.distance > previousDistance, point.elapsed > previousElapsed else { continue }
            if let endElapsed {
                guard point.distance < trackLength, point.elapsed < endElapsed else { continue }
            } else {
                guard point.distance <= trackLength else { continue }
            }
            usable.append(point)
        }
        guard usable.count >= minimumUsableFrames, let first = usable.first, let last = usable.last else {
            throw .tooFewFrames(usable: usable.count)
        }
        var points = [first.moved(toDistance: 0, elapsed: 0)] + usable
        if let endElapsed { points.append(last.moved(toDistance: trackLength, elapsed: endElapsed)) }
        for index in points.indices.dropFirst() {
            let from = points[index - 1].distance
            let to = points[index].distance
            if to - from > maximumGap { throw .coverageGap(from: from, to: to) }
        }
        return points
    }

    /// Linear interpolation in distance between the two points around each grid point; gear is
    /// the one engaged at the point at or before it (gears do not blend).
    private static func grid(from points: [ResamplePoint], metadata: ReferenceLapMetadata) -> ReferenceLap {
        let endDistance = points[points.count - 1].distance
        let count = Int((endDistance / gridSpacing).rounded(.down)) + 1
        var time = [Float](), speed = [Float](), throttle = [Float](), brake = [Float](), steering = [Float]()
        var gear = [Int8]()
        time.reserveCapacity(count); speed.reserveCapacity(count); throttle.reserveCapacity(count)
        brake.reserveCapacity(count); steering.reserveCapacity(count); gear.reserveCapacity(count)
        // Positions only when every point has one: a line with holes would be read as a line.
        let positioned = points.allSatisfy { $0.position != nil }
        var latitude = [Double](), longitude = [Double]()
        if positioned { latitude.reserveCapacity(count); longitude.reserveCapacity(count) }

        var segment = 0
        for index in 0..<count {
            let distance = Double(index) * gridSpacing
            while segment + 2 < points.count, points[segment + 1].distance <= distance { segment += 1 }
            let a = points[segment]
            let b = points[segment + 1]
            let fraction = min(max((distance - a.distance) / (b.distance - a.distance), 0), 1)
            func blend(_ x: Double, _ y: Double) -> Float { Float(x + (y - x) * fraction) }

            time.append(blend(a.elapsed, b.elapsed))
            if let speedA = a.speed, let speedB = b.speed {
                speed.append(blend(speedA, speedB))
            } else {
                speed.append(Float((b.distance - a.distance) / (b.elapsed - a.elapsed)))
            }
            throttle.append(blend(a.throttle, b.throttle))
            brake.append(blend(a.brake, b.brake))
            steering.append(blend(a.steering, b.steering))
            gear.append(distance >= b.distance ? b.gear : a.gear)
            if positioned, let p = a.position, let q = b.position {
                latitude.append(p.latitude + (q.latitude - p.latitude) * fraction)
                longitude.append(p.longitude + (q.longitude - p.longitude) * fraction)
            }
        }
        return ReferenceLap(
            metadata: metadata, gridSpacing: gridSpacing, time: time, speed: speed, throttle: throttle,
            brake: brake, steering: steering, gear: gear, latitude: latitude, longitude: longitude)
    }
}
