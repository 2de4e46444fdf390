import Foundation
import GRDB
import Telemetry

/// A lap's telemetry as stored: the compressed blob, read in one short
/// query and decoded later, where the caller chooses (the REST export decodes it on its own
/// executor, off the threads that run live sessions).
public struct StoredLapTelemetry: Sendable {
    public var lapID: Int64
    public var codec: String
    public var data: Data

    /// The count in the blob's header, so a size limit can be checked before anything is
    /// decoded (`frames()` then yields exactly this many, or throws).
    public func frameCount() throws(StorageError) -> Int {
        try requireKnownCodec()
        return try LapTelemetryCodec.declaredFrameCount(data, codec: codec)
    }

    /// The frames; throws `.corruptBlob` for a blob (or codec) that does not decode. CPU-bound
    /// (inflate and every column), so the caller picks the thread.
    public func frames() throws(StorageError) -> [TelemetryFrame] {
        try requireKnownCodec()
        return try LapTelemetryCodec.decode(data, codec: codec)
    }

    private func requireKnownCodec() throws(StorageError) {
        guard LapTelemetryCodec.Layout(rawValue: codec) != nil else {
            throw StorageError.corruptBlob("lap \(lapID): unknown telemetry codec \(codec)")
        }
    }
}

extension LapRepository {
    /// The lap's stored telemetry, undecoded; nil for a missing or foreign lap.
    public func storedTelemetry(lapID: Int64, driverID: Int64) async throws -> StoredLapTelemetry? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT lap_telemetry.codec, lap_telemetry.data FROM lap_telemetry
                        JOIN laps ON laps.id = lap_telemetry.lap_id WHERE laps.id = ? AND laps.driver_id = ?
                        """,
                    arguments: [lapID, driverID]
                ).map { row in
                    StoredLapTelemetry(
                        lapID: lapID, codec: try row.decode(forColumn: "codec"), data: try row.decode(forColumn: "data"))
                }
            }
        }
    }
}
