import Telemetry

/// One corner of one lap read straight from the raw frames, with none of the server's code (no
/// grid, no smoothing, no corner windows): the independent side of the real-recording checks.
///
/// The definitions are docs/coaching.md's, written again here: braking starts where the pedal
/// reaches 8 % and lasts 0.2 s, a release below 4 % shorter than 0.2 s does not end it, the
/// corner's braking is the last such zone before the apex with the stages ending within 30 m
/// before it (a brake, a short lift, more brake), starting before both apexes (the lap's and the
/// reference's) and after the previous corner's apex (a braking begun before it served that
/// corner); the apex speed is the lowest speed from the corner's entry until the lap has
/// held 90 % throttle for 0.5 s from the reference apex on, and where it is the lap's apex; the
/// pick-up is the first point after the lap's apex where the throttle stays at 90 % for 0.5 s;
/// the release's length is twice the metres of that braking's pressure below its peak.
/// A lap that lost speed at full throttle (90 % throttle and below 4 % brake throughout 0.25 s)
/// faster than the reference lap ever does off the brake over 0.25 s, between the entry and
/// that point, lost grip: it has no apex speed or pick-up (`lostGrip`).
struct RawCornerReading {
    /// Metres (negative before the line when the zone starts on the previous lap).
    var brakeOnset: Double?
    /// km/h.
    var apexSpeed: Double?
    /// Metres.
    var throttlePickup: Double?
    /// The corner's braking (from `brakeOnset`), metres: its length and its release's
    /// (`releaseShape`).
    var releaseShape: (zone: Double, length: Double)?
    /// Largest distance between two frames in the corner: the resolution of every reading here.
    var frameSpacing: Double
    /// Slowed at full throttle faster than `gripLimit` between the entry and the end of the apex
    /// search: a spin or an off, whose slowest point is no apex.
    var lostGrip = false

    static let brakeOn: Float = 0.08
    static let brakeOff: Float = 0.04
    static let holdSeconds = 0.2
    static let pickUpThrottle: Float = 0.9
    static let pickUpSeconds = 0.5
    /// Seconds over which a deceleration is read.
    static let decelerationSpan = 0.25
    /// A brake, a short lift, more brake: zones this close (metres) are one braking.
    static let stageGap = 30.0
    /// How far before the apex a braking zone may start (the longest braking of any car).
    static let brakingSearch = 400.0

    /// - Parameters:
    ///   - frames: the lap, in time order (`RealRecordingSession.rawLap`).
    ///   - entry: where the reference's corner starts (its entry or brake point, the sooner);
    ///     `apex` the reference apex, metres from the line; `exit` where the corner ends and
    ///     `end` where the apex search ends at the latest.
    ///   - gripLimit: `gripLimit(reference:)` of the reference lap's frames.
    ///   - previousApex: the previous corner's apex, metres, unwrapped before `apex` (nil on a
    ///     one-corner track): no braking of this corner starts before it.
    init(frames: [TelemetryFrame], entry: Double, apex: Double, exit: Double, end: Double, gripLimit: Double?, previousApex: Double?) {
        // The pick-up is looked for up to 150 m past the exit (a late one on a slow exit).
        let near = frames.filter { Double($0.lapDistance) >= apex - Self.brakingSearch && Double($0.lapDistance) <= exit + 150 }
        frameSpacing = zip(near, near.dropFirst()).map { Double($1.lapDistance - $0.lapDistance) }.filter { $0 > 0 }.max() ?? 0
        let afterApex = near.filter { Double($0.lapDistance) >= apex }
        let stop = Self.pickUp(afterApex).flatMap { from in
            afterApex.first { Double($0.lapDistance) >= from }.map { $0.sessionTime + Self.pickUpSeconds }
        }
        let corner = near.filter { frame in
            Double(frame.lapDistance) >= entry && Double(frame.lapDistance) <= end && (stop.map { frame.sessionTime <= $0 } ?? true)
        }
        let slowest = corner.min { $0.speed < $1.speed }
        apexSpeed = slowest.map { Double($0.speed) * 3.6 }
        let lapApex = slowest.map { Double($0.lapDistance) } ?? apex
        let braking = Self.lastBraking(near.filter { Double($0.lapDistance) <= min(apex, lapApex) }, after: previousApex ?? -.infinity)
        brakeOnset = braking?.start
        releaseShape = braking.flatMap { Self.releaseShape(near, from: $0.start, lastStage: $0.lastStage) }
        // After the lap's own apex (its slowest frame), as the pick-up is defined.
        throttlePickup = Self.pickUp(near.filter { Double($0.lapDistance) >= lapApex })
        if let gripLimit { lostGrip = Self.hardestDeceleration(corner, fullThrottle: true) > gripLimit }
    }

    /// The reference lap's hardest deceleration off the brake, m/s², and at least a quarter of
    /// its hardest deceleration of all (a lift's share of braking, for a reference that never lifts).
    static func gripLimit(reference frames: [TelemetryFrame]) -> Double? {
        let offBrake = hardestDeceleration(frames, fullThrottle: false)
        let braking = hardestDeceleration(frames, fullThrottle: false, anyPedals: true)
        let limit = max(offBrake, braking / 4)
        return limit > 0 ? limit : nil
    }

    /// The hardest speed loss per second over `decelerationSpan`, from each frame to the first
    /// frame that far on, where every frame between is below 4 % brake (and at 90 % throttle
    /// with `fullThrottle`), or anywhere with `anyPedals`.
    static func hardestDeceleration(_ frames: [TelemetryFrame], fullThrottle: Bool, anyPedals: Bool = false) -> Double {
        var hardest = 0.0
        for (index, start) in frames.enumerated() {
            guard let last = frames[index...].firstIndex(where: { $0.sessionTime - start.sessionTime >= decelerationSpan }) else { break }
            let driving = anyPedals || frames[index...last].allSatisfy { $0.brake < brakeOff && (!fullThrottle || $0.throttle >= pickUpThrottle) }
            guard driving else { continue }
            let seconds = frames[last].sessionTime - start.sessionTime
            hardest = max(hardest, Double(start.speed - frames[last].speed) / seconds)
        }
        return hardest
    }

    /// Start of the last braking before the apex (with its stages, none starting before `after`),
    /// interpolated to where the pedal crossed 8 %, and where its last stage starts (its release
    /// is that stage's end).
    static func lastBraking(_ frames: [TelemetryFrame], after searchStart: Double) -> (start: Double, lastStage: Double)? {
        var zones: [(start: Double, startTime: Double, endTime: Double, end: Double)] = []
        var inZone = false
        var releasedAt: Double?
        for (before, at) in zip(frames, frames.dropFirst()) {
            if !inZone, at.brake >= brakeOn, before.brake < brakeOn {
                let fraction = Double((brakeOn - before.brake) / (at.brake - before.brake))
                let distance = Double(before.lapDistance) + Double(at.lapDistance - before.lapDistance) * fraction
                if let released = releasedAt, at.sessionTime - released < holdSeconds, !zones.isEmpty {
                    zones[zones.count - 1].endTime = at.sessionTime  // a short release: the same zone
                } else {
                    zones.append((distance, at.sessionTime, at.sessionTime, distance))
                }
                inZone = true
                releasedAt = nil
            } else if inZone, at.brake < brakeOff {
                inZone = false
                releasedAt = at.sessionTime
                zones[zones.count - 1].endTime = at.sessionTime
                zones[zones.count - 1].end = Double(before.lapDistance)
            } else if inZone {
                zones[zones.count - 1].endTime = at.sessionTime
                zones[zones.count - 1].end = Double(at.lapDistance)
            }
        }
        let held = zones.filter { $0.endTime - $0.startTime >= holdSeconds && $0.start >= searchStart }
        guard let last = held.last?.start else { return nil }
        var start = last
        // Stages of one braking: an earlier zone that ended within `stageGap` of this onset.
        for earlier in held.dropLast().reversed() {
            guard start - earlier.end <= stageGap else { break }
            start = earlier.start
        }
        return (start, last)
    }

    /// The braking that starts at `start` (metres) with its stages, its last stage (from
    /// `lastStage`) followed to its end, past the apex if it trails (a release below 4 % shorter
    /// than 0.2 s does not end it): its length, and its release's, twice the metres of its
    /// pressure below its highest ±3 m average.
    static func releaseShape(_ frames: [TelemetryFrame], from start: Double, lastStage: Double) -> (zone: Double, length: Double)? {
        guard let first = frames.firstIndex(where: { Double($0.lapDistance) >= start }),
            let stage = frames.firstIndex(where: { Double($0.lapDistance) >= lastStage })
        else { return nil }
        var end = stage, index = stage + 1
        while index < frames.count {
            if frames[index].brake >= brakeOff {
                end = index
            } else if let again = frames[index...].firstIndex(where: { $0.brake >= brakeOn }),
                frames[again].sessionTime - frames[end].sessionTime <= holdSeconds
            {
                index = again
                continue
            } else {
                break
            }
            index += 1
        }
        // Peak: the highest average over ±3 m; length: twice the metres of pressure below it.
        let zone = Array(frames[first...end])
        let peak = zone.map { frame in
            let near = zone.filter { abs($0.lapDistance - frame.lapDistance) <= 3 }
            return Double(near.map(\.brake).reduce(0, +)) / Double(max(near.count, 1))
        }.max() ?? 0
        guard peak > 0 else { return nil }
        func missing(_ frame: TelemetryFrame) -> Double { 1 - min(Double(frame.brake), peak) / peak }
        var below = 0.0
        for (a, b) in zip(zone, zone.dropFirst()) { below += (missing(a) + missing(b)) / 2 * Double(b.lapDistance - a.lapDistance) }
        return (Double(frames[end].lapDistance) - start, 2 * below)
    }

    /// First distance from which the throttle stays at 90 % for half a second.
    static func pickUp(_ frames: [TelemetryFrame]) -> Double? {
        var start: TelemetryFrame?
        for frame in frames {
            if frame.throttle >= pickUpThrottle {
                if start == nil { start = frame }
                if let start, frame.sessionTime - start.sessionTime >= pickUpSeconds { return Double(start.lapDistance) }
            } else {
                start = nil
            }
        }
        return nil
    }
}
