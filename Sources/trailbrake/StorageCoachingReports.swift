import Discord
import Foundation
import Storage

/// `/coach report` from the database: the driver's newest session, its laps, and per corner the
/// average time lost in the cues given there and the advice given most often.
struct StorageCoachingReports: CoachingReportSource {
    let database: TrailbrakeDatabase

    func lastSessionReport(driverName: String) async throws -> CoachingReport? {
        guard let driver = try await DriverRepository(database: database).driver(named: driverName) else { return nil }
        let sessions = SessionRepository(database: database)
        guard let session = try await sessions.sessions(driverID: driver.id, limit: 1, after: nil).items.first else { return nil }
        let laps = try await LapRepository(database: database).laps(sessionID: session.id, driverID: driver.id)
        let cues = try await sessions.cues(sessionID: session.id, driverID: driver.id)
        let corners = Dictionary(grouping: cues.map(\.cue).filter { $0.corner > 0 }, by: \.corner).map { number, cues in
            let deltas = cues.compactMap(\.numbers.timeDelta)
            let advice = Dictionary(grouping: cues, by: \.text).max { $0.value.count < $1.value.count }?.key
            return CoachingReport.Corner(
                number: number, name: cues.first?.cornerName,
                averageTimeDelta: deltas.isEmpty ? nil : deltas.reduce(0, +) / Double(deltas.count), advice: advice)
        }
        return CoachingReport(
            driverName: driver.name, trackName: session.descriptor.track.name, car: session.descriptor.car,
            lapCount: laps.count, bestLapTime: laps.filter(\.isValid).compactMap(\.lapTime).min(),
            corners: corners.sorted { $0.number < $1.number })
    }
}
