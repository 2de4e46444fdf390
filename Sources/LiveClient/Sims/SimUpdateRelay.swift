import SimTelemetry

/// Turns a frame mapper's `SimUpdate`s into the streamer's `SimEvent`s, saying `.streaming` once
/// each time frames start flowing again.
struct SimUpdateRelay {
    private(set) var streaming = false

    mutating func events(for update: SimUpdate) -> [SimEvent] {
        switch update {
        case .session(let descriptor): return [.session(descriptor)]
        case .frame(let frame):
            guard !streaming else { return [.frame(frame)] }
            streaming = true
            return [.status(.streaming), .frame(frame)]
        case .notDriving(let reason):
            streaming = false
            return [.status(.paused(reason))]
        case .note(let note): return [.status(.note(note))]
        case .pathRecorded: return []
        }
    }

    /// The sim went quiet: the next frame says `.streaming` again.
    mutating func waiting(_ message: String) -> SimEvent {
        streaming = false
        return .status(.waiting(message))
    }
}

/// Refused datagrams by error code, reported at most once per `interval` on the status line.
struct RefusedDatagrams {
    var interval: Duration = .seconds(1)
    private(set) var counts: [String: Int] = [:]
    private var reported: ContinuousClock.Instant?

    /// Counts one; returns the status line when one is due.
    mutating func count(_ error: DatagramError, now: ContinuousClock.Instant) -> SimEvent? {
        counts[error.code, default: 0] += 1
        if let reported, now - reported < interval { return nil }
        reported = now
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return .status(.note("datagrams refused: \(summary) (last: \(error))"))
    }
}
