import Telemetry

/// What a sim's frame mapper makes of one packet: the pure half of a `LiveClient` sim adapter,
/// which turns these into its `SimEvent`s.
public enum SimUpdate: Sendable, Equatable {
    /// The session (track, car) is known or changed: a new `hello` comes before the next frame.
    case session(SessionDescriptor)
    /// One frame for the server.
    case frame(TelemetryFrame)
    /// The sim stopped being driven (paused, loading, a menu, a replay's end): frames stop.
    /// Sent once per change, with the reason for the status line.
    case notDriving(String)
    /// Something worth a status line (e.g. "lap distance from speed until the track path is known").
    case note(String)
    /// A track path was recorded from a complete lap (the adapter stores it for later sessions).
    case pathRecorded(TrackPath)
}
