import Coaching
import Foundation

/// Why a measured curvature profile cannot describe a track. `code` is stable.
public enum CurvatureProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer samples than `CurvatureProfile.minimumSampleCount`.
    case tooFewSamples(Int)
    /// Spacing that is not a positive, finite number of metres.
    case invalidSpacing(Double)
    case nonFiniteCurvature(index: Int)

    public var code: String {
        switch self {
        case .tooFewSamples: "too_few_samples"
        case .invalidSpacing: "invalid_spacing"
        case .nonFiniteCurvature: "non_finite_curvature"
        }
    }

    public var description: String {
        switch self {
        case .tooFewSamples(let count): "a curvature profile needs at least \(CurvatureProfile.minimumSampleCount) samples, has \(count)"
        case .invalidSpacing(let spacing): "sample spacing must be a positive number of metres, is \(spacing)"
        case .nonFiniteCurvature(let index): "curvature sample \(index) is not a finite number"
        }
    }
}

/// Curvature sampled at equal steps around a closed line: how a real circuit is described to
/// the synthesiser. Between samples it is interpolated linearly, across the line too.
public struct CurvatureProfile: Sendable, Equatable {
    /// The lap synthesiser works on a 1 m grid and needs at least two points.
    public static let minimumSampleCount = 2
    /// Bends gentler than a 1,000 m radius are never corners: every car preset is at its top
    /// speed before its grip limit there (the road car, the least grippy, needs below 400 m).
    public static let cornerCurvature = 1.0 / 1000
    /// Curvature peaks closer than this are one corner (ripples on a long arc such as the
    /// Parabolica); the tightest real chicanes put their apexes 40 m or more apart.
    public static let apexSpacing = 30.0

    public let samples: [Double]
    public let spacing: Double

    public init(samples: [Double], spacing: Double) throws(CurvatureProfileError) {
        guard samples.count >= Self.minimumSampleCount else { throw .tooFewSamples(samples.count) }
        guard spacing.isFinite, spacing > 0, (Double(samples.count) * spacing).isFinite else { throw .invalidSpacing(spacing) }
        if let index = samples.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteCurvature(index: index) }
        self.samples = samples
        self.spacing = spacing
    }

    /// Closed length, metres.
    public var length: Double { Double(samples.count) * spacing }

    public func curvature(at distance: Double) -> Double {
        guard distance.isFinite else { return 0 }
        var position = (distance / spacing).truncatingRemainder(dividingBy: Double(samples.count))
        if position < 0 { position += Double(samples.count) }
        let low = min(Int(position), samples.count - 1)
        let high = (low + 1) % samples.count
        let fraction = position - Double(low)
        return samples[low] + (samples[high] - samples[low]) * fraction
    }

    /// Distances of the corner apexes, in driving order: the peaks of |curvature| tighter than
    /// `cornerCurvature` that are the highest within `apexSpacing` either side (the first of
    /// equal values wins). Whether a peak slows a given car is for the lap model to decide.
    public var apexes: [Double] {
        let count = samples.count
        let reach = max(1, Int((Self.apexSpacing / spacing).rounded()))
        func magnitude(_ index: Int) -> Double { abs(samples[((index % count) + count) % count]) }
        return (0..<count).compactMap { index in
            let peak = magnitude(index)
            guard peak >= Self.cornerCurvature, reach < count else { return nil }
            for offset in 1...reach where magnitude(index - offset) >= peak || magnitude(index + offset) > peak {
                return nil
            }
            return Double(index) * spacing
        }
    }
}
