import Telemetry

/// The length at which the sim's distance channel really wraps, measured from the frames.
///
/// The declared length can be a rounded display figure: iRacing's session info says "0.58 km" for
/// Langley Speedway, but its `LapDist` wraps at 576.28 m. Interpolating the line crossing with the
/// declared 580 m puts the line 3.7 m (about half a frame) too far, and lap times come out up to
/// 11 ms off the sim's own. Frames that carry both the distance and the lap fraction say the real
/// length: `distance = length × fraction`. It is fitted by least squares through the origin,
/// `Σ d·p / Σ p²`, so each frame's Float rounding averages out instead of deciding the length.
struct LapLengthEstimate: Sendable {
    /// Fractions used for the fit: away from the line, where distance and fraction may wrap a frame
    /// apart or read slightly negative, and where the Float rounding of both is relatively small.
    static let usableFractions: ClosedRange<Double> = 0.1...0.9

    /// Largest relative disagreement with the declared length a frame may have to count. Rounding
    /// "0.58 km" to 10 m is at most 1.3 % on the shortest ovals (0.4 km), and the line a sim
    /// measures along differs from the published length by well under that (Langley: 0.64 %).
    /// Beyond 5 % the client's distance is scaled from some other length or unit: neither figure
    /// can then be trusted, the declared one is kept and the data-gap rules judge the lap.
    static let maximumDisagreement = 0.05

    let declared: Double
    private var sumDistanceTimesFraction = 0.0
    private var sumFractionSquared = 0.0

    init(declared: Double) {
        self.declared = declared
    }

    /// The measured length once a usable frame was seen, else the declared one.
    var length: Double {
        sumFractionSquared > 0 ? sumDistanceTimesFraction / sumFractionSquared : declared
    }

    /// Takes a frame into the fit when it carries a fraction in the usable range that agrees with
    /// the declared length.
    mutating func add(_ frame: TelemetryFrame) {
        let fraction = Double(frame.lapDistanceFraction)
        let distance = Double(frame.lapDistance)
        guard fraction.isFinite, distance.isFinite, Self.usableFractions.contains(fraction) else { return }
        let implied = distance / fraction
        guard abs(implied - declared) <= Self.maximumDisagreement * declared else { return }
        sumDistanceTimesFraction += distance * fraction
        sumFractionSquared += fraction * fraction
    }
}
