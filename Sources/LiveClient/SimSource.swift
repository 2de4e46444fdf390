import Telemetry

/// One sim adapter: reads the sim's own telemetry (a memory map, UDP packets, JSON lines) and
/// reports it as the protocol's frames. Every adapter produces the same `SimEvent`s, so the
/// streamer does not know which sim it serves.
public protocol SimSource: Sendable {
    /// What the status line calls it, e.g. "Gran Turismo 7".
    var displayName: String { get }

    /// Reads the sim until the task is cancelled or the source ends (a replay reaching the end
    /// of its file). Waiting for the sim to start and reconnecting when it restarts are the
    /// adapter's own business; it throws only for what the driver must fix (a port in use, an
    /// unreadable file).
    func run(emit: @escaping @Sendable (SimEvent) async -> Void) async throws
}

/// What a sim adapter reports, in order.
public enum SimEvent: Sendable, Equatable {
    /// The session, track or car is known, or has changed: the streamer starts a new session
    /// with a new `hello` before the next frame.
    case session(SessionDescriptor)
    /// One sample, in the sim's time order, with lap distance in metres from the line.
    case frame(TelemetryFrame)
    /// Something the driver should see on the status line.
    case status(SimStatus)
}

/// The sim's side of the status line.
public enum SimStatus: Sendable, Equatable {
    /// Waiting for the sim (not running, console silent, no packets yet).
    case waiting(String)
    /// Frames are flowing.
    case streaming
    /// The sim is paused, in a menu or replaying: no frames are sent.
    case paused(String)
    /// Packets were lost or arrived out of order (counted since the source started).
    case packetsLost(lost: Int, reordered: Int)
    /// Anything else worth a line (e.g. "recording the track path: lap 1 of 1").
    case note(String)
}
