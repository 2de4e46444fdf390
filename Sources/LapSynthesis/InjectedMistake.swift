import Coaching

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
    /// Same brake point and apex speed, but the braking is squeezed into a zone `metres`
    /// shorter (harder in the middle, where the reference trails off), so the brake is released
    /// that much before the reference's release and the car rolls to the apex at apex speed.
    case earlyRelease(corner: Int, lap: Int, metres: Double)
    /// "Off the brake, then turn": the car is slowed to the apex speed `metres` before the
    /// reference's release, braking at its limit (so it starts braking earlier), lets the brake
    /// go at once and holds the apex speed to the apex, where the reference trails the brake off
    /// while turning in. Its size is the release's shape as measured back (`MistakeCheck`):
    /// metres less release than the reference's, scaled to the lap's braking.
    case abruptRelease(corner: Int, lap: Int, metres: Double)

    public var corner: Int {
        switch self {
        case .brakeEarly(let corner, _, _), .brakeLate(let corner, _, _), .slowApex(let corner, _, _),
            .lateThrottle(let corner, _, _), .earlyRelease(let corner, _, _), .abruptRelease(let corner, _, _):
            corner
        }
    }

    /// The size asked for, in the mistake's own unit (metres or km/h), always positive.
    public var amount: Double {
        switch self {
        case .brakeEarly(_, _, let metres), .brakeLate(_, _, let metres), .lateThrottle(_, _, let metres),
            .earlyRelease(_, _, let metres), .abruptRelease(_, _, let metres):
            metres
        case .slowApex(_, _, let kmh): kmh
        }
    }

    /// The same mistake with another size.
    public func resized(to amount: Double) -> InjectedMistake {
        switch self {
        case .brakeEarly(let corner, let lap, _): .brakeEarly(corner: corner, lap: lap, metres: amount)
        case .brakeLate(let corner, let lap, _): .brakeLate(corner: corner, lap: lap, metres: amount)
        case .slowApex(let corner, let lap, _): .slowApex(corner: corner, lap: lap, kmh: amount)
        case .lateThrottle(let corner, let lap, _): .lateThrottle(corner: corner, lap: lap, metres: amount)
        case .earlyRelease(let corner, let lap, _): .earlyRelease(corner: corner, lap: lap, metres: amount)
        case .abruptRelease(let corner, let lap, _): .abruptRelease(corner: corner, lap: lap, metres: amount)
        }
    }

    /// The same mistake at another corner of its lap.
    public func moved(to corner: Int) -> InjectedMistake {
        switch self {
        case .brakeEarly(_, let lap, let metres): .brakeEarly(corner: corner, lap: lap, metres: metres)
        case .brakeLate(_, let lap, let metres): .brakeLate(corner: corner, lap: lap, metres: metres)
        case .slowApex(_, let lap, let kmh): .slowApex(corner: corner, lap: lap, kmh: kmh)
        case .lateThrottle(_, let lap, let metres): .lateThrottle(corner: corner, lap: lap, metres: metres)
        case .earlyRelease(_, let lap, let metres): .earlyRelease(corner: corner, lap: lap, metres: metres)
        case .abruptRelease(_, let lap, let metres): .abruptRelease(corner: corner, lap: lap, metres: metres)
        }
    }

    public var lap: Int {
        switch self {
        case .brakeEarly(_, let lap, _), .brakeLate(_, let lap, _), .slowApex(_, let lap, _), .lateThrottle(_, let lap, _),
            .earlyRelease(_, let lap, _), .abruptRelease(_, let lap, _):
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
