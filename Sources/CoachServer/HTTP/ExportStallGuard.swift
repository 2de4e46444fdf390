import Hummingbird
import Logging
import NIOCore

/// Ends an export whose client stopped reading: each chunk must be taken by the socket within
/// `api.export_stall_seconds`, else the connection is closed, the waiting write fails and the
/// export's slot (`ExportPermit`) is given back. A timer on the connection's event loop, set
/// for each chunk and cancelled when the chunk is written.
struct ExportStallGuard: Sendable {
    let channel: any Channel
    let timeout: TimeAmount
    let logger: Logger

    func write(_ buffer: ByteBuffer, to writer: inout any ResponseBodyWriter) async throws {
        let (channel, logger, timeout) = (channel, logger, timeout)
        let watchdog = channel.eventLoop.scheduleTask(in: timeout) {
            logger.notice("telemetry export stalled: its client took no data; connection closed", metadata: ["seconds": "\(timeout.nanoseconds / 1_000_000_000)"])
            channel.close(promise: nil)
        }
        defer { watchdog.cancel() }
        try await writer.write(buffer)
    }
}
