import Telemetry

/// Reads a driver's line live: as the car passes each corner's stations (`LineStation`), its
/// position there (interpolated between the two frames either side) is put against the
/// reference's line. Keeps only this lap's offsets, a few numbers per corner.
struct LineTracker: Sendable {
    let line: ReferenceLine
    /// Every corner's stations, by lap distance.
    let stations: [LineStation]
    /// This lap's offsets, metres outward, by corner: at the apex and at the turn-in.
    private(set) var apex: [Int: Double] = [:]
    private(set) var turnIn: [Int: Double] = [:]
    private var last: (distance: Double, point: PlanePoint)?

    init?(reference: ReferenceLap, trackMap: TrackMap) {
        guard let line = ReferenceLine(reference) else { return nil }
        self.line = line
        stations = trackMap.corners.flatMap { line.stations(for: $0) }.sorted { $0.distance < $1.distance }
    }

    mutating func startLap() {
        apex.removeAll(keepingCapacity: true)
        turnIn.removeAll(keepingCapacity: true)
        last = nil
    }

    /// Frames further apart than this are not bridged (`LiveLapRecorder.maximumGap`).
    mutating func observe(distance: Double, latitude: Double, longitude: Double) {
        guard ReferenceLine.usable(latitude, longitude) else { return }
        let point = line.plane.point(latitude: latitude, longitude: longitude)
        defer { last = (distance, point) }
        guard let last, distance > last.distance, distance - last.distance <= LiveLapRecorder.maximumGap else { return }
        var index = firstStation(after: last.distance)
        while index < stations.count, stations[index].distance <= distance {
            let station = stations[index]
            let t = (station.distance - last.distance) / (distance - last.distance)
            let at = PlanePoint(
                east: last.point.east + t * (point.east - last.point.east), north: last.point.north + t * (point.north - last.point.north))
            let offset = station.offset(of: at)
            if station.detail == .turnIn { turnIn[station.corner] = offset } else { apex[station.corner] = offset }
            index += 1
        }
    }

    /// Index of the first station strictly after `distance` (binary search).
    private func firstStation(after distance: Double) -> Int {
        var low = 0, high = stations.count
        while low < high {
            let mid = (low + high) / 2
            if stations[mid].distance <= distance { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Puts this lap's offsets of a corner into its metrics.
    func annotate(_ metrics: inout CornerMetrics) {
        metrics.versusReference.lineApexOffset = apex[metrics.corner]
        metrics.versusReference.lineTurnInOffset = turnIn[metrics.corner]
    }
}
