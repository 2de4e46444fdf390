/// A known mistake the synthetic driver makes on one lap at one corner (corner numbers are the
/// synthesiser's ground truth, `SyntheticSession.corners`, which count only corners that slow
/// the car, in driving order from the line).
public enum InjectedMistake: Sendable, Equatable, Hashable {
    /// Brakes `metres` before the reference with the same deceleration, so the car reaches the
    /// apex speed early and holds it (partial throttle) to the apex.
    case brakeEarly(corner: Int, lap: Int, metres: Double)
    /// Stays on the power `metres` past the reference brake point, then drives the reference
    /// corner shifted `metres` later (the car runs deep); throttle pick-up moves as much.
    case brakeLate(corner: Int, lap: Int, metres: Double)
    /// Same brake point, but over-slows: the apex speed is `kmh` lower, then the car rejoins
    /// the reference trace accelerating at its limit.
    case slowApex(corner: Int, lap: Int, kmh: Double)
    /// Holds the speed of the reference's pick-up point `metres` longer before going flat.
    case lateThrottle(corner: Int, lap: Int, metres: Double)

    public var corner: Int {
        switch self {
        case .brakeEarly(let corner, _, _), .brakeLate(let corner, _, _), .slowApex(let corner, _, _),
            .lateThrottle(let corner, _, _):
            corner
        }
    }

    public var lap: Int {
        switch self {
        case .brakeEarly(_, let lap, _), .brakeLate(_, let lap, _), .slowApex(_, let lap, _), .lateThrottle(_, let lap, _):
            lap
        }
    }
}

/// A corner of a synthetic lap as the synthesiser knows it (ground truth, from the geometry and
/// the physics, not from the analysis code).
public struct SyntheticCorner: Sendable, Equatable {
    public var number: Int
    /// Curvature peak, metres from the line.
    public var apex: Double
    /// Physical brake onset on the reference (before the pedal ramp); nil when not braked.
    public var brakeOnset: Double?
    /// Reference throttle pick-up: first point from the apex where the car stays at its drive
    /// limit (flat throttle) for 0.5 s.
    public var throttlePickup: Double
    /// Reference speed at the apex, km/h.
    public var apexSpeed: Double
}
