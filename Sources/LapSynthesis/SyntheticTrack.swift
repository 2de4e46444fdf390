import Coaching
import Foundation
import Telemetry

/// A track described only by its curvature along the driving line, enough to synthesise a lap.
///
/// Corners have a smooth curvature profile (sine squared) that peaks at `1 / minimumRadius` in
/// the middle, so every corner has one distinct apex instead of a constant-radius plateau where
/// the minimum speed point would wander. A corner turning `angle` radians with peak curvature
/// `1/R` is `2 * angle * R` metres long (the integral of the profile equals the angle).
///
/// A real circuit is described instead by its measured curvature, sampled along the race line
/// (`init(name:configuration:curvatureProfile:spacing:)`); such a track has no segments.
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
    /// The layout's name in `descriptor`, e.g. "GP"; "synthetic" for the made-up circuits.
    public var configuration: String
    /// The straights and corners, in driving order; empty for a track made from a profile.
    public var segments: [Segment]
    /// Segment start distances, metres from the line.
    private let starts: [Double]
    /// Lap length in metres.
    public let length: Double
    /// The measured curvature of a real circuit; nil for a track made of segments.
    let profile: CurvatureProfile?

    public init(name: String, segments: [Segment]) {
        self.name = name
        self.configuration = "synthetic"
        self.profile = nil
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

    /// A track whose curvature was measured every `spacing` metres around the closed line,
    /// `curvatureProfile[i]` at `i * spacing` metres from the start/finish line.
    public init(name: String, configuration: String, curvatureProfile: [Double], spacing: Double) throws(CurvatureProfileError) {
        let profile = try CurvatureProfile(samples: curvatureProfile, spacing: spacing)
        self.name = name
        self.configuration = configuration
        self.segments = []
        self.starts = []
        self.profile = profile
        self.length = profile.length
    }

    /// Signed curvature (1/m, left positive) at a lap distance; distances wrap around the lap.
    public func curvature(at distance: Double) -> Double {
        guard length > 0, distance.isFinite else { return 0 }
        if let profile { return profile.curvature(at: distance) }
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
        if let profile { return profile.apexes }
        return segments.indices.compactMap { index in
            guard case .corner = segments[index] else { return nil }
            return starts[index] + segments[index].length / 2
        }
    }

    public var descriptor: TrackDescriptor {
        TrackDescriptor(name: name, configuration: configuration, length: length)
    }
}

