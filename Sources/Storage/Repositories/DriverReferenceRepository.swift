import Foundation
import GRDB
import Telemetry

/// Reads the drivers' own best laps, saved by `LapWriter.saveDriverReference`.
public struct DriverReferenceRepository: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// The driver's best stored lap for this track layout (matched by `TrackDescriptor.key`)
    /// and car, or nil. Throws `.corruptBlob` when the stored reference does not decode.
    public func reference(driverID: Int64, track: TrackDescriptor, car: String) async throws -> ReferenceLap? {
        let stored = try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT codec, metadata_json, data FROM driver_references WHERE driver_id = ? AND track_key = ? AND car = ?",
                    arguments: [driverID, track.key, car]
                ).map { row in
                    (codec: try row.decode(String.self, forColumn: "codec"),
                     metadata: try row.decode(String.self, forColumn: "metadata_json"),
                     data: try row.decode(Data.self, forColumn: "data"))
                }
            }
        }
        guard let stored else { return nil }
        guard stored.codec == ReferenceLapCodec.name else {
            throw StorageError.corruptBlob("driver reference: unknown codec \(stored.codec)")
        }
        let metadata: ReferenceLapMetadata
        do {
            metadata = try JSONDecoder().decode(ReferenceLapMetadata.self, from: Data(stored.metadata.utf8))
        } catch {
            throw StorageError.corruptBlob("driver reference: metadata does not decode (\(error))")
        }
        return try ReferenceLapCodec.decode(stored.data, metadata: metadata)
    }
}
