/// Records the path of one lap from the positions of its frames, for `TrackPath`.
///
/// A lap whose car jumped (a reset, a rewind, a teleport) or that does not close on itself is
/// refused: projecting later laps onto it would put their distances wrong for the rest of the
/// session. The caller then records the next lap.
public struct TrackPathRecorder: Sendable {
    /// Points closer than this to the last kept point are skipped: 1 m is a frame at 60 m/s,
    /// finer than any coaching decision, and keeps a 5 km path at about 5,000 points.
    public var minimumSpacing: Double
    /// A step longer than this between two consecutive positions is a jump no car drives
    /// (90 m/s over a 60 Hz frame is 1.5 m; the slack covers a few lost packets).
    public var maximumStep: Double
    /// The lap's end must be this close to its start for the path to close.
    public var maximumClosingGap: Double
    /// A lap shorter than this is not a lap (a stop and restart at the line, say).
    public var minimumLength: Double
    /// The most points one lap may add: a 25 km lap at 1 m spacing. Bounds the memory a hostile
    /// or stuck stream can make the recorder hold.
    public var maximumPointCount: Int

    public private(set) var points: [TrackPath.Point] = []
    /// Why the lap being recorded cannot become a path, once known.
    public private(set) var refusal: String?
    private var lastPosition: TrackPath.Point?

    public init(
        minimumSpacing: Double = 1, maximumStep: Double = 30, maximumClosingGap: Double = 50,
        minimumLength: Double = 200, maximumPointCount: Int = 25_000
    ) {
        self.minimumSpacing = minimumSpacing
        self.maximumStep = maximumStep
        self.maximumClosingGap = maximumClosingGap
        self.minimumLength = minimumLength
        self.maximumPointCount = maximumPointCount
    }

    public mutating func add(x: Double, z: Double) {
        guard refusal == nil else { return }
        let point = TrackPath.Point(x: x, z: z)
        guard x.isFinite, z.isFinite else {
            refusal = "a position was not a number"
            return
        }
        if let lastPosition, TrackPath.distance(lastPosition, point) > maximumStep {
            refusal = "the car jumped \(WholeMetres.text(TrackPath.distance(lastPosition, point))) m (a reset or rewind)"
            return
        }
        lastPosition = point
        if let last = points.last, TrackPath.distance(last, point) < minimumSpacing { return }
        guard points.count < maximumPointCount else {
            refusal = "the lap has more than \(maximumPointCount) points"
            return
        }
        points.append(point)
    }

    /// The lap's path, or the reason there is none; the recorder is empty afterwards.
    public mutating func finish() -> Result<TrackPath, TrackPathRefusal> {
        defer { reset() }
        if let refusal { return .failure(TrackPathRefusal(reason: refusal)) }
        guard let first = points.first, let last = lastPosition, let path = TrackPath(points: points) else {
            return .failure(TrackPathRefusal(reason: "too few positions (\(points.count))"))
        }
        let gap = TrackPath.distance(first, last)
        guard gap <= maximumClosingGap else {
            return .failure(TrackPathRefusal(reason: "the lap ends \(Int(gap)) m from where it started"))
        }
        guard path.length >= minimumLength else {
            return .failure(TrackPathRefusal(reason: "the lap is only \(Int(path.length)) m long"))
        }
        return .success(path)
    }

    public mutating func reset() {
        points = []
        refusal = nil
        lastPosition = nil
    }
}

/// Why a recorded lap did not become a path.
public struct TrackPathRefusal: Error, Equatable, Sendable {
    public var reason: String
}
