import Foundation
import Telemetry

@testable import Coaching
@testable import LapSynthesis

/// Positions for synthesised laps, which carry none: the track's centre line drawn by integrating
/// its signed curvature metre by metre, placed on the earth near an arbitrary origin, and a
/// driver's line moved sideways by a smooth bump around chosen corners (the injected mistake).
struct SyntheticPositions {
    static let origin = (latitude: 52.07, longitude: -1.02)
    /// Half-length of an injected line offset, metres either side of the apex (a corner's turn).
    static let bumpHalfLength = 80.0

    let points: [PlanePoint]
    /// Unit normal to the left of travel at each metre.
    let left: [PlanePoint]
    let plane = LocalPlane(originLatitude: origin.latitude, originLongitude: origin.longitude)

    init(track: SyntheticTrack) {
        let n = Int(track.length.rounded())
        var heading = 0.0, east = 0.0, north = 0.0
        var points: [PlanePoint] = [], left: [PlanePoint] = []
        for metre in 0..<n {
            points.append(PlanePoint(east: east, north: north))
            left.append(PlanePoint(east: -sin(heading), north: cos(heading)))
            heading += track.curvature(at: Double(metre) + 0.5)
            east += cos(heading)
            north += sin(heading)
        }
        self.points = points
        self.left = left
    }

    /// Latitude and longitude of a point `outward` metres to the left of the centre line.
    func position(at distance: Double, sideways: Double) -> (latitude: Double, longitude: Double) {
        let i = min(max(0, Int(distance.rounded(.down))), points.count - 1), j = (i + 1) % points.count
        let t = distance - Double(i)
        let east = points[i].east + t * (points[j].east - points[i].east) + sideways * left[i].east
        let north = points[i].north + t * (points[j].north - points[i].north) + sideways * left[i].north
        let metresNorth = LocalPlane.earthRadius * LocalPlane.radiansPerDegree
        let metresEast = metresNorth * cos(Self.origin.latitude * LocalPlane.radiansPerDegree)
        return (Self.origin.latitude + north / metresNorth, Self.origin.longitude + east / metresEast)
    }

    /// The reference with its positions on the centre line.
    func positioned(_ reference: ReferenceLap) -> ReferenceLap {
        var reference = reference
        let positions = (0..<reference.count).map { position(at: Double($0), sideways: 0) }
        reference.latitude = positions.map(\.latitude)
        reference.longitude = positions.map(\.longitude)
        return reference
    }

    /// One injected line mistake: `metres` to the outside of the corner at its apex on `lap`.
    struct Offset {
        var corner: SyntheticCorner
        var lap: Int32
        var metres: Double
    }

    /// The frames with positions: on the centre line, moved by the offsets of their lap.
    func frames(_ frames: [TelemetryFrame], track: SyntheticTrack, offsets: [Offset]) -> [TelemetryFrame] {
        frames.map { frame in
            var frame = frame
            var sideways = 0.0
            for offset in offsets where offset.lap == frame.lapNumber {
                let from = abs(Double(frame.lapDistance) - offset.corner.apex)
                guard from < Self.bumpHalfLength else { continue }
                let shape = pow(cos(.pi / 2 * from / Self.bumpHalfLength), 2)
                // Outward: to the right in a left-hand corner.
                let outwardIsLeft = track.curvature(at: offset.corner.apex) < 0
                sideways += (outwardIsLeft ? 1 : -1) * offset.metres * shape
            }
            let position = position(at: Double(frame.lapDistance), sideways: sideways)
            frame.latitude = position.latitude
            frame.longitude = position.longitude
            frame.presentChannels.insert([.latitude, .longitude])
            return frame
        }
    }
}
