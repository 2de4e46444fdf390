import Hummingbird
import Telemetry

/// `GET /api/v1/laps/{id}/telemetry`: the lap's frames, streamed.
///
/// Admitted first (`ExportAdmission`), then size-checked from the blob's header, then decoded
/// once and written a chunk of frames at a time; the decoding and the text are made on the
/// `ExportExecutor`, never on the threads live sessions run on (only the writes are not). At most one chunk of text exists
/// at a time, and a client that reads slowly only holds its own chunk (each write waits for the
/// socket); one that stops reading is cut off after `api.export_stall_seconds`
/// (`ExportStallGuard`).
struct TelemetryExportResponse {
    /// Frames per written chunk: about 130 KB of JSON.
    static let framesPerChunk = 1_000

    let reader: any DriverDataReader
    let admission: ExportAdmission
    let maximumFrames: Int
    let stallGuard: ExportStallGuard

    func response(lapID: Int64, driverID: Int64, format: TelemetryExport.Format) async throws -> Response {
        let permit = try admission.admit(driverID: driverID)
        guard let source = try await reader.telemetry(lapID: lapID, driverID: driverID) else {
            if try await reader.telemetryDeleted(lapID: lapID, driverID: driverID) {
                throw APIError(.telemetryDeleted, "lap \(lapID)'s telemetry was deleted by telemetry retention; its metrics are kept")
            }
            throw APIError.notFound("lap \(lapID)")
        }
        guard source.frameCount <= maximumFrames else {
            throw APIError(.exportTooLarge, "lap \(lapID) has \(source.frameCount) frames; exports stop at \(maximumFrames)")
        }
        // Decoded before the head goes out, so a blob that does not decode is a 500, not a cut body.
        let frames = try await withTaskExecutorPreference(ExportExecutor.shared) { try source.decode() }
        let stallGuard = stallGuard
        let body = ResponseBody { writer in
            // Given back as soon as the body ends, however it ends.
            defer { permit.release() }
            try await stallGuard.write(TelemetryExport.opening(format, lapID: lapID), to: &writer)
            for start in stride(from: 0, to: frames.count, by: Self.framesPerChunk) {
                let range = start..<min(start + Self.framesPerChunk, frames.count)
                // Only the text is made on the export thread; the write goes back to the server's own.
                let chunk = await withTaskExecutorPreference(ExportExecutor.shared) { TelemetryExport.chunk(format, frames, range) }
                try await stallGuard.write(chunk, to: &writer)
            }
            try await stallGuard.write(TelemetryExport.closing(format), to: &writer)
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: format.contentType], body: body)
    }
}
