import Coaching
import Logging
import Storage

/// A `DriverCoach` behind the server's `LiveCoach` seam. When the driver's own best lap becomes
/// the reference, it is saved for their next session, in the background: the live path never
/// waits for the database.
struct StoredDriverCoach: LiveCoach {
    let coach: DriverCoach
    let driverID: Int64
    let writer: LapWriter
    let logger: Logger

    var reference: ReferenceSummary {
        let choice = coach.referenceChoice
        return ReferenceSummary(
            lap: choice.reference.map {
                ReferenceLapSummary(source: $0.metadata.source, lapTime: $0.metadata.lapTime, car: $0.metadata.car)
            },
            reason: choice.reason)
    }

    var topics: [Cue.Topic] { coach.topics }
    var lapNumber: Int32? { coach.currentLapNumber }

    mutating func process(_ frame: LiveFrame, into events: inout [CoachingEvent]) {
        let before = events.count
        coach.process(frame, into: &events)
        guard events.count > before else { return }
        for case .referenceChanged(let choice) in events[before...] { saveOwnBest(choice) }
    }

    mutating func finish(into events: inout [CoachingEvent]) {
        coach.finish(into: &events)
    }

    mutating func relay(_ message: RelayedMessage) -> Cue? { coach.relay(message) }

    private func saveOwnBest(_ choice: ReferenceChoice) {
        guard choice.reason == .driverBest, let lap = choice.reference else { return }
        let (writer, driverID, logger) = (writer, driverID, logger)
        Task.detached(priority: .utility) {
            do {
                _ = try await writer.saveDriverReference(lap, driverID: driverID)
            } catch {
                logger.warning("saving the driver's best reference failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
