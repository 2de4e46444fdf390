import Foundation
import Telemetry

/// A track described only by its curvature along the driving line, enough to synthesise a lap.
///
/// Corners have a smooth curvature profile (sine squared) that peaks at `1 / minimumRadius` in
/// the middle, so every corner has one distinct apex instead of a constant-radius plateau where
/// the minimum speed point would wander. A corner turning `angle` radians with peak curvature
/// `1/R` is `2 * angle * R` metres long (the integral of the profile equals the angle).
public struct SyntheticTrack: Sendable, Equatable {
    public enum Direction: Sendable, Equatable { case left, right }

    public enum Segment: Sendable, Equatable {
        case straight(length: Double)
        case corner(minimumRadius: Double, angleDegrees: Double, direction: Direction)

        /// Metres of driving line the segment covers.
        public var length: Double {
            switch self {
            case .straight(let length): max(0, length)
            case .corner(let radius, let angle, _): 2 * (abs(angle) * .pi / 180) * max(radius, 1)
            }
        }
    }

    public var name: String
    public var segments: [Segment]
    /// Segment start distances, metres from the line.
    private let starts: [Double]
    /// Lap length in metres.
    public let length: Double

    public init(name: String, segments: [Segment]) {
        self.name = name
        self.segments = segments
        var starts: [Double] = []
        var total = 0.0
        for segment in segments {
            starts.append(total)
            total += segment.length
        }
        self.starts = starts
        self.length = total
    }

    /// Signed curvature (1/m, left positive) at a lap distance; distances wrap around the lap.
    public func curvature(at distance: Double) -> Double {
        guard length > 0, distance.isFinite else { return 0 }
        var d = distance.truncatingRemainder(dividingBy: length)
        if d < 0 { d += length }
        for (index, segment) in segments.enumerated().reversed() where starts[index] <= d {
            guard case .corner(let radius, _, let direction) = segment else { return 0 }
            let phase = (d - starts[index]) / segment.length
            let shape = pow(sin(.pi * phase), 2)
            return (direction == .left ? 1 : -1) * shape / max(radius, 1)
        }
        return 0
    }

    /// Distance of each corner segment's apex (curvature peak), in driving order.
    public var cornerApexes: [Double] {
        segments.indices.compactMap { index in
            guard case .corner = segments[index] else { return nil }
            return starts[index] + segments[index].length / 2
        }
    }

    public var descriptor: TrackDescriptor {
        TrackDescriptor(name: name, configuration: "synthetic", length: length)
    }
}

