import Foundation
import Telemetry

/// The reference's driven line on a flat plane, one point per grid metre, and where each corner
/// is read on it (`LineStation`): the apex, and the turn-in, where the reference starts to turn.
///
/// Lap distance is measured along the track (iRacing's `LapDist`), so a car at the same lap
/// distance is on the same cross-section of the track, and the side-on distance between its
/// position and the reference's point there is how far off the reference's line it is.
struct ReferenceLine: Sendable {
    let plane: LocalPlane
    /// Grid point -> position; nil where the reference had none.
    let points: [PlanePoint?]

    /// Heading is read over this many metres either side (a car is 4-5 m long: shorter spans
    /// turn position noise into heading noise).
    static let headingHalfSpan = 5
    /// Curvature is the heading change over this many metres either side of a point.
    static let curvatureHalfSpan = 10
    /// The reference turns in where its curvature rises past this share of the apex's.
    static let turnInCurvatureShare = 0.3
    /// Turn-in is looked for at most this far before the apex, metres.
    static let turnInSearch = 200
    /// A corner gentler than this (1/m, a 1 km radius) has no turn-in to speak of.
    static let minimumApexCurvature = 0.001

    init?(_ reference: ReferenceLap) {
        guard reference.hasPositions,
            let origin = reference.latitude.indices.first(where: { Self.usable(reference.latitude[$0], reference.longitude[$0]) })
        else { return nil }
        let plane = LocalPlane(originLatitude: reference.latitude[origin], originLongitude: reference.longitude[origin])
        self.plane = plane
        points = reference.latitude.indices.map { index in
            let (latitude, longitude) = (reference.latitude[index], reference.longitude[index])
            return Self.usable(latitude, longitude) ? plane.point(latitude: latitude, longitude: longitude) : nil
        }
    }

    static func usable(_ latitude: Double, _ longitude: Double) -> Bool {
        latitude.isFinite && longitude.isFinite && (latitude != 0 || longitude != 0) && abs(latitude) <= 90 && abs(longitude) <= 180
    }

    func point(_ index: Int) -> PlanePoint? { points.isEmpty ? nil : points[Grid.wrap(index, points.count)] }

    /// Unit vector along the line at a grid point.
    func direction(at index: Int) -> PlanePoint? {
        guard let a = point(index - Self.headingHalfSpan), let b = point(index + Self.headingHalfSpan) else { return nil }
        let d = b - a
        let length = d.length
        return length > 0.5 ? PlanePoint(east: d.east / length, north: d.north / length) : nil
    }

    /// Signed curvature (1/m, left positive): the heading change across the point per metre.
    func curvature(at index: Int) -> Double? {
        let h = Self.curvatureHalfSpan
        guard let before = direction(at: index - h), let after = direction(at: index + h) else { return nil }
        let cross = before.east * after.north - before.north * after.east
        let dot = before.east * after.east + before.north * after.north
        return atan2(cross, dot) / Double(2 * h)
    }

    /// The stations of one corner: its apex and, where the reference clearly turns in, its turn-in.
    func stations(for corner: TrackMap.Corner) -> [LineStation] {
        let apex = Int(corner.apex.rounded())
        let around = (apex - 15...apex + 15).compactMap { curvature(at: $0) }
        guard let peak = around.max(by: { abs($0) < abs($1) }), let apexStation = station(corner.number, .main, apex, turning: peak)
        else { return [] }
        guard abs(peak) >= Self.minimumApexCurvature else { return [apexStation] }
        var turnIn: Int?
        for index in stride(from: apex - 1, through: apex - Self.turnInSearch, by: -1) {
            guard let k = curvature(at: index) else { break }
            if k * peak <= 0 || abs(k) < Self.turnInCurvatureShare * abs(peak) {
                turnIn = index
                break
            }
        }
        guard let turnIn, let turnInStation = station(corner.number, .turnIn, turnIn, turning: peak) else { return [apexStation] }
        return [turnInStation, apexStation]
    }

    private func station(_ corner: Int, _ detail: CueAdvice.Detail, _ index: Int, turning: Double) -> LineStation? {
        guard let point = point(index), let direction = direction(at: index) else { return nil }
        // Outward is to the right of the direction of travel in a left-hand corner.
        let left = PlanePoint(east: -direction.north, north: direction.east)
        let outward = turning >= 0 ? PlanePoint(east: -left.east, north: -left.north) : left
        return LineStation(corner: corner, detail: detail, distance: Double(Grid.wrap(index, points.count)), point: point, outward: outward)
    }
}

/// Where one measurement of the line is taken: a point of the reference's line and the unit
/// vector pointing to the outside of the corner there.
struct LineStation: Sendable, Equatable {
    var corner: Int
    /// `.main` at the apex, `.turnIn` at the turn-in.
    var detail: CueAdvice.Detail
    /// Lap distance, metres (a grid point).
    var distance: Double
    var point: PlanePoint
    var outward: PlanePoint

    /// Metres to the outside of the reference's line (negative: inside).
    func offset(of position: PlanePoint) -> Double {
        let d = position - point
        return d.east * outward.east + d.north * outward.north
    }
}
