/// One chart of the lap page: a channel against distance, one line per lap shown.
struct Chart: Sendable {
    struct Series: Sendable {
        var label: String
        /// `lap` or `ref`: the style sheet's colour and dash for it.
        var style: String
        /// Values on the grid, sample `i` at `i × spacing` metres.
        var values: [Double]
    }

    var id: String
    var title: String
    var unit: String
    var low: Double
    var high: Double
    var series: [Series]
    var spacing: Double
    /// Metres the x axis spans, from `start` (0: the whole lap; a corner's window when zoomed).
    var length: Double
    var start: Double = 0
    var height: Double
    /// Digits after the separator in the table alternative.
    var decimals: Int
    /// A line at zero (delta, steering).
    var zeroLine: Bool = false
    /// Corner names above the plot (the top chart only).
    var labelsCorners: Bool = false

    /// A range that holds every value of every series, widened to `minimumSpan` around zero
    /// when symmetric (delta, steering) so a flat trace is not blown up to full height.
    static func range(_ series: [Series], symmetric: Bool, minimumSpan: Double) -> (Double, Double) {
        var low = Double.infinity, high = -Double.infinity
        for line in series { for value in line.values where value.isFinite { low = min(low, value); high = max(high, value) } }
        guard low <= high else { return symmetric ? (-minimumSpan, minimumSpan) : (0, minimumSpan) }
        if symmetric {
            let extent = max(abs(low), abs(high), minimumSpan)
            return (-extent, extent)
        }
        return (min(low, 0), max(high, low + minimumSpan))
    }
}

/// A corner as the lap page marks it: where it is, and what this lap did there.
public struct CornerMark: Sendable, Equatable {
    public var number: Int
    public var name: String?
    public var startDistance: Double?
    public var apexDistance: Double?
    /// Seconds lost to the reference through the corner (+ = slower).
    public var timeLost: Double?
    /// km/h
    public var minimumSpeed: Double?
    /// Metres from the line.
    public var brakePoint: Double?
    /// Where the corner's measuring ends (its exit), metres; the zoom's window reaches past it.
    public var endDistance: Double?

    public init(
        number: Int, name: String?, startDistance: Double?, apexDistance: Double?, timeLost: Double?, minimumSpeed: Double?,
        brakePoint: Double?, endDistance: Double? = nil
    ) {
        self.endDistance = endDistance
        self.number = number
        self.name = name
        self.startDistance = startDistance
        self.apexDistance = apexDistance
        self.timeLost = timeLost
        self.minimumSpeed = minimumSpeed
        self.brakePoint = brakePoint
    }

    /// Where the marker goes: the apex, else the start.
    var markerDistance: Double? { apexDistance ?? startDistance }

    /// Metres a zoomed chart shows around the corner: its braking or entry to its exit, with
    /// `ZoomWindow.margin` either side, within the lap.
    func zoomWindow(lapLength: Double) -> ClosedRange<Double>? {
        guard let from = [brakePoint, startDistance, apexDistance].compactMap({ $0 }).filter(\.isFinite).min(),
            let to = (endDistance ?? apexDistance.map { $0 + ZoomWindow.margin }).flatMap({ $0.isFinite ? $0 : nil })
        else { return nil }
        let low = max(0, from - ZoomWindow.margin), high = min(lapLength, max(to, from) + ZoomWindow.margin)
        return low < high ? low...high : nil
    }
}

/// Zoom to a corner on the lap and compare pages (`?corner=N`): the charts and their tables
/// show the corner's window instead of the whole lap.
enum ZoomWindow {
    /// Metres shown before the braking and after the exit: enough to see the approach straight.
    static let margin = 100.0
}
