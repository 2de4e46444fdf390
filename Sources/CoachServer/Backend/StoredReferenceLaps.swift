import Coaching
import Storage
import Telemetry

/// A session's reference found again: a library lap by the source the session recorded
/// (`reference_source`), or the driver's own best for the track and car when the session was
/// coached against it (`driver_best`). The driver's best may have improved since: it is the
/// best now, which the page says is "your own best lap".
public struct StoredReferenceLaps: ReferenceLapSource {
    let library: ReferenceLibrary
    let driverReferences: DriverReferenceRepository

    public init(library: ReferenceLibrary, database: TrailbrakeDatabase) {
        self.library = library
        driverReferences = DriverReferenceRepository(database: database)
    }

    public func reference(for session: SessionSummary, driverID: Int64) async throws -> ReferenceLap? {
        if session.referenceReason == ReferenceChoice.Reason.driverBest.rawValue {
            return try await driverReferences.reference(driverID: driverID, track: session.descriptor.track, car: session.descriptor.car)
        }
        guard let source = session.referenceSource else { return nil }
        return library.entries.first { $0.reference.metadata.source == source }?.reference
    }
}
