import Logging
import ServiceLifecycle

/// Says in the log when `serve` starts to stop, so an operator reading the journal sees a
/// SIGTERM or SIGINT handled: swift-service-lifecycle itself logs it only at debug level.
///
/// Added last to the service group, which shuts its services down in reverse order: this line
/// comes before the live sessions end and their partial laps are stored.
struct ShutdownLog: Service {
    let logger: Logger
    /// `live.shutdown_grace_seconds`: how long live sockets get to finish and close.
    let graceSeconds: Double

    func run() async throws {
        do { try await gracefulShutdown() } catch { return }  // cancelled: the group is already ending
        logger.info(
            "shutting down: ending live sessions and storing their partial laps",
            metadata: ["shutdown_grace_seconds": "\(graceSeconds)"])
    }
}
