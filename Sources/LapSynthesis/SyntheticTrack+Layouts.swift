import Coaching

extension SyntheticTrack {
    /// A 3,400 m circuit with seven corner segments: a 90° right, a flat-out 20° kink (radius
    /// 400 m, above any preset's grip-limited speed), a 15 m hairpin, a chicane (two 60° bends
    /// 25 m apart), a fast 120 m sweeper and a 100° right. The line sits on a straight.
    public static let testCircuit = SyntheticTrack.closed(name: "Synthetic Test Circuit", length: 3400, segments: [
        .straight(length: 250),
        .corner(minimumRadius: 40, angleDegrees: 90, direction: .right),
        .straight(length: 350),
        .corner(minimumRadius: 400, angleDegrees: 20, direction: .left),
        .straight(length: 300),
        .corner(minimumRadius: 15, angleDegrees: 180, direction: .right),
        .straight(length: 450),
        .corner(minimumRadius: 30, angleDegrees: 60, direction: .left),
        .straight(length: 25),
        .corner(minimumRadius: 30, angleDegrees: 60, direction: .right),
        .straight(length: 300),
        .corner(minimumRadius: 120, angleDegrees: 70, direction: .left),
        .straight(length: 250),
        .corner(minimumRadius: 60, angleDegrees: 100, direction: .right),
    ])

    /// A 2,400 m club circuit whose line sits 60 m before a hairpin, so the hairpin's braking
    /// zone starts on the previous lap: it exercises corners that cross the start/finish line.
    public static let clubCircuit = SyntheticTrack.closed(name: "Synthetic Club Circuit", length: 2400, segments: [
        .straight(length: 60),
        .corner(minimumRadius: 20, angleDegrees: 150, direction: .left),
        .straight(length: 420),
        .corner(minimumRadius: 50, angleDegrees: 90, direction: .right),
        .straight(length: 200),
        .corner(minimumRadius: 35, angleDegrees: 75, direction: .left),
        .straight(length: 260),
        .corner(minimumRadius: 250, angleDegrees: 25, direction: .right),
        .straight(length: 250),
        .corner(minimumRadius: 25, angleDegrees: 110, direction: .right),
    ])

    /// Appends a final straight so that the lap is exactly `length` metres (a whole number keeps
    /// the 1 m grid aligned with the line at both ends of the lap).
    static func closed(name: String, length: Double, segments: [Segment]) -> SyntheticTrack {
        let used = segments.reduce(0) { $0 + $1.length }
        return SyntheticTrack(name: name, segments: segments + [.straight(length: max(0, length - used))])
    }
}
