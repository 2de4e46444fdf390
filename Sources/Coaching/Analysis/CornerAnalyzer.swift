import Telemetry

/// Measures what a lap did in each corner and compares it with the reference.
///
/// Definitions (signs as in `CueNumbers`: positive = later / harder / faster / more):
/// - brake point: onset of the braking that serves the lap's apex (`BrakingZoneDetector.approach`:
///   the last zone before it, with the stages of the same braking) among the zones starting
///   inside the corner's search window (see `CornerWindow`) and before both apexes (the lap's
///   and the reference's), at the sub-metre crossing;
/// - peak brake: highest pressure between that onset and the end of measuring;
/// - brake release: where that braking zone ends (the last point at `PedalThresholds.brakeOff`,
///   releases shorter than the merge gap bridged), however far past the apex it trails;
/// - brake release length (its shape, `BrakeReleaseShape`): twice the metres of that zone's
///   pressure below its peak, against the reference's scaled to the lap's zone;
/// - a lap that lost grip in the corner (`GripLoss`: slowed at full throttle faster than the
///   reference ever slows off the brake) has no minimum speed or pick-up to compare;
/// - minimum speed: lowest ±3 m smoothed speed from the entry to the end of measuring or, when
///   sooner, to where the lap has held full throttle for `sustainedThrottle` from the
///   reference's apex on (`backOnPower`), km/h; its position is the lap's own apex;
/// - throttle pick-up: first point after the lap's apex where throttle reaches
///   `PedalThresholds.throttleFull` and stays there for `sustainedThrottle` seconds (or to the
///   end of measuring);
/// - apex gear: gear held longest within 15 m of the lap's apex;
/// - coasting: metres from entry to exit with neither pedal above `coastingPedal`;
/// - time delta: grid time from entry to exit, minus the reference's.
public enum CornerAnalyzer {
    public static func measure(lap: ReferenceLap, reference: ReferenceLap, corner: TrackMap.Corner) -> CornerMetrics {
        let referenceWindow = LapWindow(reference)
        var window = CornerWindow(corner: corner, previous: nil, next: nil, count: reference.count)
        window.gripLossDeceleration = GripLoss.limit(reference: referenceWindow)
        return measure(LapWindow(lap), against: referenceWindow, in: window)
    }

    public static func measure(lap: ReferenceLap, reference: ReferenceLap, trackMap: TrackMap) -> [CornerMetrics] {
        guard lap.count == reference.count, reference.count > 2 else { return [] }
        let referenceWindow = LapWindow(reference)
        let limit = GripLoss.limit(reference: referenceWindow)
        return CornerWindow.windows(for: trackMap, count: reference.count).map {
            var window = $0
            window.gripLossDeceleration = limit
            return measure(LapWindow(lap), against: referenceWindow, in: window)
        }
    }

    /// What one lap did in one corner, without the comparison.
    struct Reading: Sendable, Equatable {
        var brakePoint: Double?
        var peakBrake: Double?
        var brakeRelease: Double?
        /// The braking zone's release length, metres (`BrakeReleaseShape`).
        var releaseLength: Double?
        var apex: Int
        var minimumSpeed: Double
        var throttlePickup: Double?
        var apexGear: Int
        var coasting: Double
        var time: Double
        /// The lap lost grip between the entry and the end of the apex search (`GripLoss`): its
        /// slowest point and pick-up are of a spin or an off, not of the corner.
        var lostGrip = false
    }

    static func read(_ lap: LapWindow, in window: CornerWindow) -> Reading {
        let entry = Int(window.entry.rounded()), exit = Int(window.exit.rounded())
        let apexSearchStart = min(entry, Int(window.apex) - 1)
        let apexSearchEnd = max(window.measureEnd, Int(window.apex) + 1)
        let apexSearchStop = backOnPower(lap, in: window, from: apexSearchStart, to: apexSearchEnd)
        let apex = slowestPoint(lap, from: apexSearchStart, to: apexSearchStop)
        let lostGrip = window.gripLossDeceleration.map { GripLoss.lost(lap, from: apexSearchStart, to: apexSearchStop, limit: $0) } ?? false
        // Braking that starts past the reference's apex (the middle of the corner) is a
        // correction in it, not the approach: GT7 Red Bull Ring lap 5 dabbed the brake 22 m
        // past turn 5's apex and was told "brake 130 metres later" for a braking 24 m late.
        let approachEnd = min(apex, Int(window.apex.rounded(.down)))
        let zones = BrakingZoneDetector.spans(in: lap, from: window.brakeSearchStart, to: max(window.brakeSearchStart, approachEnd))
        let zone = BrakingZoneDetector.approach(zones)
        let peak = zone.map { z in highestBrake(lap, from: Int(z.start.rounded(.down)), to: max(Int(z.start), apexSearchEnd)) }
        var coasting = 0
        if exit >= entry {
            for i in entry...exit where lap.throttle(i) <= PedalThresholds.coastingPedal && lap.brake(i) <= PedalThresholds.coastingPedal {
                coasting += 1
            }
        }
        return Reading(
            // A braking still under way where a live lap's data ends has its onset, not its release yet.
            brakePoint: zone?.start, peakBrake: peak.map(Double.init), brakeRelease: zone.flatMap { $0.underWay ? nil : Double($0.end) },
            releaseLength: zone.flatMap { $0.underWay ? nil : BrakeReleaseShape.releaseLength(lap, zone: $0) }, apex: apex, minimumSpeed: lap.smoothedSpeed(apex) * 3.6,
            throttlePickup: throttlePickup(in: lap, from: apex, to: apexSearchEnd), apexGear: apexGear(lap, around: apex),
            coasting: Double(coasting), time: lap.time(exit) - lap.time(entry), lostGrip: lostGrip)
    }

    static func measure(_ lap: LapWindow, against reference: LapWindow, in window: CornerWindow) -> CornerMetrics {
        measure(lap, against: read(reference, in: window), in: window, count: reference.count)
    }

    /// The same, with the reference's reading of this window already taken (it never changes
    /// while the reference is in use, so a coach reads it once, not at every lap).
    static func measure(_ lap: LapWindow, against ref: Reading, in window: CornerWindow, count n: Int) -> CornerMetrics {
        let own = read(lap, in: window)
        func delta(_ a: Double?, _ b: Double?) -> Double? { if let a, let b { a - b } else { nil } }
        let numbers = CueNumbers(
            brakePointDelta: delta(own.brakePoint, ref.brakePoint), peakBrakeDelta: delta(own.peakBrake, ref.peakBrake),
            // A lap that lost grip in the corner is judged on its braking and time only.
            minimumSpeedDelta: own.lostGrip ? nil : own.minimumSpeed - ref.minimumSpeed,
            throttlePickupDelta: own.lostGrip ? nil : delta(own.throttlePickup, ref.throttlePickup), apexGear: own.apexGear,
            referenceApexGear: ref.apexGear, coastingDistance: own.coasting - ref.coasting, timeDelta: own.time - ref.time,
            brakeReleaseDelta: delta(own.brakeRelease, ref.brakeRelease), brakeReleaseLengthDelta: BrakeReleaseShape.lengthDelta(own, ref))
        return CornerMetrics(
            corner: window.corner.number, name: window.corner.name, startDistance: Grid.wrap(window.entry, n),
            apexDistance: Grid.wrap(Double(own.apex), n), endDistance: Grid.wrap(window.exit, n),
            brakePoint: own.brakePoint.map { Grid.wrap($0, n) }, peakBrake: own.peakBrake, minimumSpeed: own.minimumSpeed,
            throttlePickup: own.throttlePickup.map { Grid.wrap($0, n) }, apexGear: own.apexGear, coastingDistance: own.coasting,
            versusReference: numbers)
    }

    /// Where the apex search ends: once the lap has held full throttle for
    /// `PedalThresholds.sustainedThrottle` from the reference's apex on (or the end of measuring).
    /// A car that long on the power has left the corner (before that it may still be scrubbing
    /// speed while the power comes in); a slower point after it is a spin, an off or a lift for
    /// what comes next, not this apex: on GT7 Brands Hatch a spin 56 m past turn 1's exit was
    /// read as its apex, and the braking into the spin as turn 1's brake point ("brake 285
    /// metres earlier").
    static func backOnPower(_ lap: LapWindow, in window: CornerWindow, from start: Int, to end: Int) -> Int {
        let referenceApex = min(max(Int(window.apex), start), end)
        guard let pickUp = throttlePickup(in: lap, from: referenceApex, to: end) else { return end }
        var index = min(end, max(start, Int(pickUp.rounded(.up))))
        let onPower = lap.time(index)
        while index < end, lap.time(index) - onPower < PedalThresholds.sustainedThrottle { index += 1 }
        return index
    }

    /// Metres either side of the apex over which the apex gear is taken.
    static let apexGearRadius = 15

    /// The gear held longest within `apexGearRadius` of the apex: a gear seen for a few metres
    /// at the apex is a shift in progress, and the minimum-speed point itself wanders by metres.
    /// Ties go to the lower gear.
    static func apexGear(_ lap: LapWindow, around apex: Int) -> Int {
        // Metres per gear, indexed by gear + 128 (every Int8 gear has a slot; no allocation).
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { metres in
            metres.initialize(repeating: 0)
            for index in (apex - apexGearRadius)...(apex + apexGearRadius) { metres[Int(lap.gear(index)) + 128] += 1 }
            var longest = 0, gear = Int(lap.gear(apex))
            for slot in 0..<256 where metres[slot] > longest {
                longest = metres[slot]
                gear = slot - 128
            }
            return gear
        }
    }

    /// The first index of the lowest smoothed speed in `from...to` (`from` when the range is empty).
    static func slowestPoint(_ lap: LapWindow, from: Int, to: Int) -> Int {
        guard from <= to else { return from }
        var slowest = from, lowest = lap.smoothedSpeed(from)
        var index = from + 1
        while index <= to {
            let speed = lap.smoothedSpeed(index)
            if speed < lowest {
                slowest = index
                lowest = speed
            }
            index += 1
        }
        return slowest
    }

    /// Highest brake pressure in `from...to`.
    static func highestBrake(_ lap: LapWindow, from: Int, to: Int) -> Float {
        var highest = lap.brake(from)
        var index = from + 1
        while index <= to {
            let pressure = lap.brake(index)
            if highest < pressure { highest = pressure }
            index += 1
        }
        return highest
    }

    /// First point in `from...to` (unwrapped) where the throttle reaches full and stays there
    /// for `PedalThresholds.sustainedThrottle` (or until `to`), at the sub-metre crossing.
    static func throttlePickup(in lap: LapWindow, from: Int, to: Int) -> Double? {
        guard to > from else { return nil }
        var index = from
        while index <= to {
            guard lap.throttle(index) >= PedalThresholds.throttleFull else { index += 1; continue }
            // Timed from where the pedal crossed full, between two grid points, as it is reported.
            let start = crossing(lap, index)
            let startTime = lap.time(index - 1) + (lap.time(index) - lap.time(index - 1)) * (start - Double(index - 1))
            var probe = index
            while probe < to, lap.throttle(probe + 1) >= PedalThresholds.throttleFull,
                lap.time(probe + 1) - startTime < PedalThresholds.sustainedThrottle
            { probe += 1 }
            // Held when the run reaches the time within one grid step (the grid cannot tell where
            // in that metre the pedal came up) or the window ends. "The last point inside the time
            // is 90 % of it in" failed by phase once a metre takes longer than 0.05 s (below
            // 20 m/s): FSUK's 34 km/h turn 3 read the pick-up 20 m late.
            let held = probe >= to || lap.time(probe + 1) - startTime >= PedalThresholds.sustainedThrottle
            if held { return start }
            index = probe + 1
        }
        return nil
    }

    private static func crossing(_ lap: LapWindow, _ index: Int) -> Double {
        let before = lap.throttle(index - 1), at = lap.throttle(index)
        guard before < PedalThresholds.throttleFull, at > before else { return Double(index) }
        return Double(index - 1) + Double((PedalThresholds.throttleFull - before) / (at - before))
    }
}
