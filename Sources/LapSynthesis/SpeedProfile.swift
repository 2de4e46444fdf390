import Coaching
import Foundation

/// Quasi-steady-state speed on the 1 m grid: the car is always at one of its limits (grip,
/// traction, power, brakes) or at the grip-limited corner speed.
///
/// Longitudinal and lateral grip share one friction circle, so the car trail-brakes into a
/// corner and feeds the throttle in on the exit. The circle never closes completely (at least
/// `minimumLongitudinalShare` of the longitudinal limit stays available), which stands in for
/// the small yaw and slip margin real drivers use; without it the passes could not leave the apex.
enum SpeedProfile {
    static let gravity = 9.81
    static let minimumLongitudinalShare = 0.3

    /// Grip-limited speed at every grid point, capped by the gearing.
    static func cornerLimits(curvature: [Double], car: CarProfile) -> [Double] {
        curvature.map { kappa in
            let magnitude = abs(kappa)
            guard magnitude > 1e-9 else { return car.topSpeed }
            return min(car.topSpeed, (car.lateralGrip * gravity / magnitude).squareRoot())
        }
    }

    /// Fraction of the longitudinal limit still available while cornering at `speed`.
    static func longitudinalShare(speed: Double, curvature: Double, car: CarProfile) -> Double {
        let lateralUse = speed * speed * abs(curvature) / (car.lateralGrip * gravity)
        return max(minimumLongitudinalShare, (max(0, 1 - lateralUse * lateralUse)).squareRoot())
    }

    /// Largest drive force per mass at `speed` (power- or traction-limited). Holding speed
    /// against drag is always possible; only the surplus over drag shares the friction circle
    /// (lateral grip figures are steady-state values, measured while holding speed).
    static func driveLimit(speed: Double, curvature: Double, car: CarProfile) -> Double {
        let drag = car.dragPerMass * speed * speed
        let straightLine = min(car.powerToMass / max(speed, 1), car.tractionLimit * gravity)
        return drag + (straightLine - drag) * longitudinalShare(speed: speed, curvature: curvature, car: car)
    }

    /// Largest braking deceleration (before drag) at `speed`.
    static func brakeLimit(speed: Double, curvature: Double, car: CarProfile) -> Double {
        car.brakingDeceleration * gravity * longitudinalShare(speed: speed, curvature: curvature, car: car)
    }

    /// The fastest closed-lap speed trace under `limits`. Two turns of each pass make the trace
    /// periodic (the speed at the line matches at both ends of the lap).
    static func solve(curvature: [Double], car: CarProfile, limits: [Double]) -> [Double] {
        let count = limits.count
        guard count > 1 else { return limits }
        var speed = limits
        for step in 0..<(2 * count) {
            let from = step % count, to = (step + 1) % count
            speed[to] = min(speed[to], accelerated(from: speed[from], at: from, curvature: curvature, car: car))
        }
        for step in 0..<(2 * count) {
            let to = (count - step % count) % count, from = (to + count - 1) % count
            speed[from] = min(speed[from], braked(to: speed[to], at: to, curvature: curvature, car: car))
        }
        return speed
    }

    /// Speed one metre later when accelerating at the limit from `speed`.
    static func accelerated(from speed: Double, at index: Int, curvature: [Double], car: CarProfile) -> Double {
        let kappa = curvature[index]
        let acceleration = driveLimit(speed: speed, curvature: kappa, car: car) - car.dragPerMass * speed * speed
        return max(0, speed * speed + 2 * acceleration).squareRoot()
    }

    /// Highest speed one metre earlier from which full braking still reaches `speed`.
    static func braked(to speed: Double, at index: Int, curvature: [Double], car: CarProfile) -> Double {
        let kappa = curvature[index]
        let deceleration = brakeLimit(speed: speed, curvature: kappa, car: car) + car.dragPerMass * speed * speed
        return (speed * speed + 2 * deceleration).squareRoot()
    }

    /// Re-runs the forward (acceleration) pass from `start` for up to `length` metres, never
    /// faster than `ceiling`: how a car rejoins a faster trace after running slow.
    static func reaccelerate(_ speed: inout [Double], from start: Int, length: Int, ceiling: [Double], curvature: [Double], car: CarProfile) {
        let count = speed.count
        guard count > 1 else { return }
        // Stops at the end of the lap's grid: a mistake never spills into the start of its own lap.
        for offset in 0..<max(0, min(length, count - 1 - start)) {
            let from = Grid.wrap(start + offset, count), to = Grid.wrap(start + offset + 1, count)
            let next = min(ceiling[to], accelerated(from: speed[from], at: from, curvature: curvature, car: car))
            if next >= speed[to] && offset > 0 { return }
            speed[to] = next
        }
    }
}
