import Foundation
import Telemetry

/// Latitude and longitude turned into metres on a plane tangent to the earth at an origin
/// (equirectangular). Over a circuit (a few km) the error of the flat plane is centimetres,
/// far below the metres the racing line is judged in.
struct LocalPlane: Sendable, Equatable {
    static let earthRadius = WorldPosition.earthRadius
    static let radiansPerDegree = Double.pi / 180

    let originLatitude: Double
    let originLongitude: Double
    private let metresPerDegreeNorth: Double
    private let metresPerDegreeEast: Double

    init(originLatitude: Double, originLongitude: Double) {
        self.originLatitude = originLatitude
        self.originLongitude = originLongitude
        metresPerDegreeNorth = Self.earthRadius * Self.radiansPerDegree
        metresPerDegreeEast = metresPerDegreeNorth * cos(originLatitude * Self.radiansPerDegree)
    }

    /// Metres east and north of the origin.
    func point(latitude: Double, longitude: Double) -> PlanePoint {
        PlanePoint(
            east: (longitude - originLongitude) * metresPerDegreeEast, north: (latitude - originLatitude) * metresPerDegreeNorth)
    }
}

/// A point on a `LocalPlane`, metres.
struct PlanePoint: Sendable, Equatable {
    var east: Double
    var north: Double

    static func - (a: PlanePoint, b: PlanePoint) -> PlanePoint { PlanePoint(east: a.east - b.east, north: a.north - b.north) }
    var length: Double { (east * east + north * north).squareRoot() }
}

enum GeoPoint {
    /// Metres between two positions (degrees), on the plane tangent at the first.
    static func metres(from a: (latitude: Double, longitude: Double), to b: (latitude: Double, longitude: Double)) -> Double {
        LocalPlane(originLatitude: a.latitude, originLongitude: a.longitude).point(latitude: b.latitude, longitude: b.longitude).length
    }
}
