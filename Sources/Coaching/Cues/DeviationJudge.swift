import Telemetry

/// Reference speeds of one corner (m/s), for turning a deviation into a time cost; `exit` is
/// taken at the end of measuring (after the car has accelerated out).
struct CornerSpeeds: Sendable, Equatable {
    var entry: Double
    var apex: Double
    var exit: Double
    /// Metres from entry to exit.
    var length: Double
}

/// Decides which measured deviations of a corner are worth saying, and what each costs.
///
/// Time costs are first-order physics, used only to rank advice:
/// - a brake point `d` metres off means `d` metres driven at about apex speed instead of the
///   braking speed (a braking trace shifted by `d` loses exactly `d * (1/v_apex - 1/v_entry)`);
/// - an apex `dv` slow costs `dv / v_apex²` per metre over half the corner;
/// - a throttle pick-up `d` metres late holds apex speed instead of accelerating to exit speed;
/// - coasting costs half as much as braking early over the same distance;
/// - a wrong gear costs about 0.05 s (a bog or an extra shift).
///
/// Favourable deviations (faster at the apex, earlier on the throttle) are only called when the
/// corner still lost time: otherwise the driver is doing better than the reference.
/// A late brake point moves the whole corner later, so it is taken off the throttle pick-up
/// before judging the pick-up (the late throttle is the same mistake, not a second one); in the
/// same way an early brake point leaves the car rolling to the corner, so that many metres are
/// taken off the extra coasting. A brake release is judged net of the brake point's shift on
/// the same side (braking moved as a whole is one mistake), and an early release is taken off
/// the extra coasting too; releasing later than the reference (trailing deeper) is only called
/// when the corner lost time. An abrupt release (`BrakeReleaseShape`) is called instead of the
/// early release it brings.
struct DeviationJudge: Sendable {
    var configuration: CueConfiguration

    struct Observation: Sendable, Equatable {
        var topic: Cue.Topic
        /// Signed, judged value (see above).
        var value: Double
        var threshold: Double
        /// Over the threshold and worth saying.
        var callable: Bool
        /// Which of the topic's measurements (the racing line has two).
        var detail: CueAdvice.Detail = .main
    }

    /// The judged deviations of the topics in `topics` (those whose channels are live).
    func observations(_ metrics: CornerMetrics, topics: Set<Cue.Topic>) -> [Observation] {
        observations(metrics).filter { topics.contains($0.topic) }
    }

    func observations(_ metrics: CornerMetrics) -> [Observation] {
        let n = metrics.versusReference, c = configuration
        let losing = (n.timeDelta ?? 0) > 0
        var result: [Observation] = []
        if let brake = n.brakePointDelta {
            result.append(.init(topic: .brakePoint, value: brake, threshold: c.brakePointThreshold, callable: abs(brake) >= c.brakePointThreshold))
        }
        if let speed = n.minimumSpeedDelta {
            let over = abs(speed) >= c.apexSpeedThreshold
            result.append(.init(topic: .minimumSpeed, value: speed, threshold: c.apexSpeedThreshold, callable: over && (speed < 0 || losing)))
        }
        if let pickup = n.throttlePickupDelta {
            let judged = pickup - max(0, n.brakePointDelta ?? 0)
            let over = abs(judged) >= c.throttlePickupThreshold
            result.append(.init(topic: .throttlePickup, value: judged, threshold: c.throttlePickupThreshold, callable: over && (judged > 0 || losing)))
        }
        var earlyRelease = 0.0
        // An abrupt release ("off the brake, then turn") reaches the apex speed sooner, so it also
        // ends early: the shape is the mistake, and the early end is not said beside it.
        let abrupt = n.brakeReleaseLengthDelta.map { $0 <= -c.brakeReleaseLengthThreshold } ?? false
        if let release = n.brakeReleaseDelta {
            // Braking moved as a whole moves its release as much: that part is the brake point's.
            let brake = n.brakePointDelta ?? 0
            let judged = (release < 0) != (brake < 0) ? release : (abs(release) > abs(brake) ? release - brake : 0)
            earlyRelease = max(0, -judged)
            let over = abs(judged) >= c.brakeReleaseThreshold
            let callable = over && (judged > 0 ? losing : !abrupt)
            result.append(.init(topic: .brakeRelease, value: judged, threshold: c.brakeReleaseThreshold, callable: callable))
        }
        if let length = n.brakeReleaseLengthDelta {
            // Only the abrupt side: a longer, more gradual release than the reference's is what
            // trail braking asks for (so it counts as on target for habits and learned advice);
            // where it costs time it shows as a brake point or a pressure.
            result.append(.init(
                topic: .brakeRelease, value: min(0, length), threshold: c.brakeReleaseLengthThreshold, callable: abrupt,
                detail: .releaseLength))
        }
        if var coasting = n.coastingDistance {
            // An early brake point or an early release leaves the car rolling: the same metres.
            coasting -= max(0, -(n.brakePointDelta ?? 0)) + earlyRelease
            result.append(.init(topic: .coasting, value: coasting, threshold: c.coastingThreshold, callable: coasting >= c.coastingThreshold))
        }
        // The line: metres to the outside of the reference's line (a habit only, see `CornerCoach`).
        if let apex = n.lineApexOffset {
            result.append(.init(topic: .racingLine, value: apex, threshold: c.lineApexThreshold, callable: abs(apex) >= c.lineApexThreshold))
        }
        if let turnIn = n.lineTurnInOffset {
            result.append(.init(
                topic: .racingLine, value: turnIn, threshold: c.lineTurnInThreshold, callable: abs(turnIn) >= c.lineTurnInThreshold,
                detail: .turnIn))
        }
        if let gear = n.apexGear, let reference = n.referenceApexGear {
            result.append(.init(topic: .gear, value: Double(gear - reference), threshold: 1, callable: c.coachGear && gear != reference))
        }
        return result
    }

    /// Callable advice, most expensive first (ties: brake point, speed, throttle, coasting, gear).
    func advice(_ metrics: CornerMetrics, speeds: CornerSpeeds, topics: Set<Cue.Topic>) -> [CueAdvice] {
        observations(metrics, topics: topics).filter(\.callable).map { advice(for: $0, speeds: speeds, referenceGear: metrics.versusReference.referenceApexGear) }
            .enumerated().sorted { a, b in
                a.element.timeCost != b.element.timeCost ? a.element.timeCost > b.element.timeCost : a.offset < b.offset
            }.map(\.element)
    }

    func advice(for observation: Observation, speeds: CornerSpeeds, referenceGear: Int?) -> CueAdvice {
        CueAdvice(
            topic: observation.topic, amount: observation.value, referenceGear: referenceGear,
            timeCost: timeCost(observation.topic, observation.value, speeds), detail: observation.detail)
    }

    func timeCost(_ topic: Cue.Topic, _ value: Double, _ s: CornerSpeeds) -> Double {
        let apex = max(s.apex, 1), magnitude = abs(value)
        switch topic {
        case .brakePoint: return magnitude * max(0, 1 / apex - 1 / max(s.entry, 1))
        case .minimumSpeed: return (magnitude / 3.6) * (s.length / 2) / (apex * apex)
        case .throttlePickup: return magnitude * max(0, 1 / apex - 1 / max(s.exit, 1))
        case .coasting: return 0.5 * magnitude * max(0, 1 / apex - 1 / max(s.entry, 1))
        case .gear: return 0.05
        case .brakePressure, .teamMessage: return 0
        // Braking released early is driven like coasting: off the brake, not yet accelerating.
        case .brakeRelease: return 0.5 * magnitude * max(0, 1 / apex - 1 / max(s.entry, 1))
        // A line that far off adds about that many metres at apex speed (half, on average).
        case .racingLine: return 0.5 * magnitude / apex
        // Laps brake on average half the spread away from the driver's best brake point.
        case .consistency: return 0.5 * magnitude * max(0, 1 / apex - 1 / max(s.entry, 1))
        }
    }
}
