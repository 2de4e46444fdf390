import Coaching
import Storage
import Telemetry
import Tracing

/// What `LapStoreQueue.submit` tells the session about its lap.
enum LapStoreOutcome: Sendable, Equatable {
    /// Committed before the wait ran out: the `lap` message says `stored: true`.
    case stored(lapID: Int64)
    /// Not committed yet (the database is failing or slow): kept and retried; the `lap` message
    /// says `stored: false` with this ticket as `pending`, and `lap_stored` follows once committed.
    case pending(ticket: UInt64)
    /// The store refuses the lap for good (logged, counted in `trailbrake_laps_lost_total`).
    case refused
}

/// Hears when a lap reported `pending` is committed (the session that submitted it).
protocol LapStoreListener: AnyObject, Sendable {
    func lapStored(ticket: UInt64, lapNumber: Int32, lapID: Int64) async
}

/// A lap the queue holds until it is committed.
struct LapStoreJob: Sendable {
    enum Payload: Sendable {
        /// In memory, as the coach completed it.
        case lap(CompletedLap)
        /// In a file (`PendingLapSpill`): after memory for waiting laps ran out, or from an earlier run.
        case file(SpilledLap)
    }

    let ticket: UInt64
    let sessionID: String
    let driverID: Int64
    let lapNumber: Int32
    var payload: Payload
    /// The session to tell when the lap is committed late; weak, so a finished session goes away.
    let listener: WeakLapStoreListener
    /// Failed attempts so far.
    var failures = 0
    let submittedAt: ContinuousClock.Instant
    /// The trace the lap was submitted in (a sampled live batch's): its `lap.store` spans join it.
    var traceContext: InstrumentationContext? = nil

    /// Memory the job holds: its frames (the lap's other parts are small) or a file's name.
    var memoryBytes: Int {
        switch payload {
        case .lap(let lap): lap.lapFrames.heapBytes + 4_096
        case .file: 512
        }
    }

    var isInMemory: Bool { if case .lap = payload { true } else { false } }
}

/// A weak reference that can cross isolation (the listener is an actor).
final class WeakLapStoreListener: Sendable {
    weak let value: (any LapStoreListener)?

    init(_ value: (any LapStoreListener)?) {
        self.value = value
    }
}
