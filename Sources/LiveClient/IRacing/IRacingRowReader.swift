import Telemetry

/// Turns each new row of one opened map into events: the session when it changed, the frame,
/// and the count of rows that were overwritten before they could be read.
struct IRacingRowReader<Map: IRacingTelemetryMap> {
    private let reader: LiveTelemetryReader<Map>
    private let sessionNumber: IBTVariable?
    private var sessionUpdate: Int32?
    private var info: IBTSessionInfo?
    private var announced: SessionDescriptor?
    private var lastTick: Int32?
    private var lostRows = 0
    private var streaming = false

    init(map: Map) throws(LiveTelemetryError) {
        reader = try LiveTelemetryReader(region: map)
        sessionNumber = reader.variable(named: "SessionNum")
    }

    mutating func poll() throws(LiveTelemetryError) -> [SimEvent] {
        let row = try reader.latestRow()
        if let lastTick, row.tickCount == lastTick { return [] }
        var events: [SimEvent] = []
        if let changed = try reader.sessionInfo(ifChangedSince: sessionUpdate) {
            sessionUpdate = changed.update
            info = changed.info
        }
        let number = sessionNumber.flatMap { row.value(of: $0) }.map { Int($0) }
        if let info, let descriptor = IRacingSession.descriptor(info, sessionNumber: number), descriptor != announced {
            announced = descriptor
            events.append(.session(descriptor))
        }
        if let lastTick, row.tickCount > lastTick + 1 {
            lostRows += Int(row.tickCount - lastTick - 1)
            events.append(.status(.packetsLost(lost: lostRows, reordered: 0)))
        } else if !streaming {
            events.append(.status(.streaming))
        }
        streaming = true
        lastTick = row.tickCount
        events.append(.frame(try reader.frame(of: row)))
        return events
    }
}
