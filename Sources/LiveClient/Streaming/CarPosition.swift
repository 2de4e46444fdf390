import Synchronization
import Telemetry

/// Where the car is now, from the newest frame the source produced (fresher than anything the
/// server knows). The clip player reads it to tell whether a clip's deadline has passed.
public final class CarPosition: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var lap: Int32
        /// Metres from the line.
        public var distance: Double
        /// m/s.
        public var speed: Double
        /// Metres; 0 when unknown.
        public var trackLength: Double
    }

    private let state = Mutex<Snapshot?>(nil)
    private let length = Mutex(0.0)

    public init() {}

    public var current: Snapshot? { state.withLock { $0 } }

    func update(_ frame: TelemetryFrame) {
        let trackLength = length.withLock { $0 }
        state.withLock {
            $0 = Snapshot(lap: frame.lapNumber, distance: Double(frame.lapDistance), speed: Double(frame.speed), trackLength: trackLength)
        }
    }

    func setTrackLength(_ metres: Double) { length.withLock { $0 = metres } }
}
