import Coaching
import CoachServer
import Integration
import Storage

/// The session report a linked driver is DMed when a session ends: the same text as
/// `GET /api/v1/sessions/{id}/report?format=text`, from the stored laps and cues.
struct StorageSessionReports: SessionReportTextSource {
    let database: TrailbrakeDatabase

    func reportText(sessionID: String, driverID: Int64, language: String) async throws -> String? {
        guard let report = try await StorageBackedReader(database: database).report(sessionID: sessionID, driverID: driverID) else {
            return nil
        }
        return report.text(language: CueLanguage(rawValue: language) ?? .english)
    }
}
