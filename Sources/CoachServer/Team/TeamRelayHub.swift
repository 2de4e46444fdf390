import Foundation
import Logging
import Synchronization

/// Every driver's `RelayBox`, so that the `/team` form and the driver's live sessions meet, and
/// where what became of a message is written down (said where, or not said). A box is made the
/// first time a driver streams or is sent a message and kept for the life of the server (a
/// lock, an array and a set: well under a kilobyte per driver), like `ListenerHub`'s mirrors.
final class TeamRelayHub: Sendable {
    private let boxes = Mutex<[Int64: RelayBox]>([:])
    private let capacity: Int
    /// Nil: messages are said but their outcome is not stored (no team directory).
    let directory: (any TeamDirectory)?
    let logger: Logger

    init(capacity: Int, directory: (any TeamDirectory)?, logger: Logger) {
        self.capacity = capacity
        self.directory = directory
        self.logger = logger
    }

    func box(for driverID: Int64) -> RelayBox {
        boxes.withLock { boxes in
            if let box = boxes[driverID] { return box }
            let box = RelayBox(capacity: capacity)
            boxes[driverID] = box
            return box
        }
    }

    /// Records where a message was said, off the live path (one write per message; messages are
    /// rate-limited per sender).
    func recordSaid(_ id: Int64, sessionID: String, lapNumber: Int32, lapDistance: Double) {
        guard let directory else { return }
        let logger = logger
        let now = Date()
        Task.detached(priority: .utility) {
            do {
                try await directory.messageSaid(id: id, sessionID: sessionID, lapNumber: Int(lapNumber), lapDistance: lapDistance, at: now)
            } catch {
                logger.warning("recording a said team message failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// The session ended with these still waiting.
    func recordNotSaid(_ ids: [Int64]) {
        guard let directory, !ids.isEmpty else { return }
        let logger = logger
        Task.detached(priority: .utility) {
            do { try await directory.messagesNotSaid(ids: ids) } catch {
                logger.warning("recording unsaid team messages failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
