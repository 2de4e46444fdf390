import Coaching

extension LapComparison {
    /// Matches corners by number (the first occurrence on each lap) and subtracts A from B.
    init(comparing a: LapDetail, with b: LapDetail) {
        var cornersOfA: [Int: CornerMetrics] = [:]
        for corner in a.corners where cornersOfA[corner.corner] == nil { cornersOfA[corner.corner] = corner }
        var seen: Set<Int> = []
        var corners: [CornerComparison] = []
        for cornerB in b.corners where seen.insert(cornerB.corner).inserted {
            guard let cornerA = cornersOfA[cornerB.corner] else { continue }
            corners.append(CornerComparison(
                corner: cornerB.corner,
                name: cornerB.name ?? cornerA.name,
                brakePointDelta: difference(cornerB.brakePoint, cornerA.brakePoint),
                peakBrakeDelta: difference(cornerB.peakBrake, cornerA.peakBrake),
                minimumSpeedDelta: cornerB.minimumSpeed - cornerA.minimumSpeed,
                throttlePickupDelta: difference(cornerB.throttlePickup, cornerA.throttlePickup),
                apexGearDelta: cornerB.apexGear &- cornerA.apexGear,
                coastingDistanceDelta: cornerB.coastingDistance - cornerA.coastingDistance,
                timeDelta: difference(cornerB.versusReference.timeDelta, cornerA.versusReference.timeDelta)
            ))
        }
        self.init(
            lapA: a.lap, lapB: b.lap, lapTimeDelta: difference(b.lap.lapTime, a.lap.lapTime),
            corners: corners.sorted { $0.corner < $1.corner }
        )
    }
}

private func difference(_ b: Double?, _ a: Double?) -> Double? {
    guard let b, let a else { return nil }
    return b - a
}
