import Telemetry

/// Everything the coach precomputes for one corner from the reference, once per reference.
struct CornerPlan: Sendable {
    var corner: TrackMap.Corner
    /// Measuring window, placed on the lap where measuring ends (start may be on the lap before).
    var window: CornerWindow
    var speeds: CornerSpeeds
    /// The reference's own reading of the window, measured once: every lap is compared with it.
    var referenceReading: CornerAnalyzer.Reading
    /// Lap distance (0..<n) by which anticipatory advice must have been heard: the reference brake
    /// point (or entry) minus the distance covered in the reaction time.
    var deadline: Double
    /// Reference speed at the deadline, m/s (the approach speed, for speaking time to metres).
    var deadlineSpeed: Double

    /// First grid point the measurement reads.
    var firstIndex: Int { min(window.brakeSearchStart, Int(window.entry.rounded(.down)) - 3) }
    var lastIndex: Int { window.measureEnd + 3 }

    static func plans(reference: ReferenceLap, trackMap: TrackMap, configuration: CueConfiguration) -> [CornerPlan] {
        let n = reference.count
        guard n > 2 else { return [] }
        let referenceWindow = LapWindow(reference)
        let gripLimit = GripLoss.limit(reference: referenceWindow)
        return CornerWindow.windows(for: trackMap, count: n).map { window in
            var placed = window.onLapOfMeasureEnd(count: n)
            placed.gripLossDeceleration = gripLimit
            let reading = CornerAnalyzer.read(referenceWindow, in: placed)
            let start = placed.brakePoint ?? placed.entry
            let startSpeed = Double(referenceWindow.speed(Int(start.rounded())))
            let speeds = CornerSpeeds(
                entry: startSpeed, apex: reading.minimumSpeed / 3.6,
                exit: Double(referenceWindow.speed(placed.measureEnd)), length: max(1, placed.exit - placed.entry))
            let deadline = start - configuration.reactionTime * startSpeed
            return CornerPlan(
                corner: window.corner, window: placed, speeds: speeds, referenceReading: reading, deadline: Grid.wrap(deadline, n),
                deadlineSpeed: Double(referenceWindow.speed(Int(deadline.rounded()))))
        }
    }
}
