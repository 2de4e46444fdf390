import Storage

// Storage's rows as the REST API's response types (same fields, the API's names).

extension SessionSummary {
    init(_ record: SessionRecord) {
        self.init(
            id: record.id, descriptor: record.descriptor, referenceSource: record.referenceSource,
            referenceReason: record.referenceReason, startedAt: record.startedAt, endedAt: record.endedAt)
    }
}

extension LapSummary {
    init(_ row: LapRecordRow) {
        self.init(
            id: row.id, sessionID: row.sessionID, lapNumber: row.lapNumber, startTime: row.startTime,
            lapTime: row.lapTime, isValid: row.isValid, invalidReason: row.invalidReason,
            deltaToReference: row.deltaToReference, frameCount: row.frameCount)
    }
}

extension LapComparisonResponse {
    init(_ comparison: LapComparison) {
        self.init(
            lapA: LapSummary(comparison.lapA), lapB: LapSummary(comparison.lapB), lapTimeDelta: comparison.lapTimeDelta,
            corners: comparison.corners.map {
                CornerComparisonResponse(
                    corner: $0.corner, name: $0.name, brakePointDelta: $0.brakePointDelta,
                    peakBrakeDelta: $0.peakBrakeDelta, minimumSpeedDelta: $0.minimumSpeedDelta,
                    throttlePickupDelta: $0.throttlePickupDelta, apexGearDelta: $0.apexGearDelta,
                    coastingDistanceDelta: $0.coastingDistanceDelta, timeDelta: $0.timeDelta)
            })
    }
}
