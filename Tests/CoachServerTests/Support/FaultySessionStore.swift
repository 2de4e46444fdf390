import CoachServer
import Coaching
import Storage
import Foundation
import Synchronization
import Telemetry

/// A `SessionStore` that fails like a real one does when told to: at once (a full disk:
/// SQLite answers SQLITE_FULL immediately) or after a delay (a lock held past the busy timeout),
/// and keeps what it committed, once per lap identity (as `LapWriter` does).
final class FaultySessionStore: SessionStore {
    enum Fault: Sendable {
        case none
        /// Fails every store at once.
        case full
        /// Fails every store after `after` (the busy timeout).
        case busy(after: Duration)
        /// Refuses every store for good (an unknown session).
        case refused
    }

    struct Failure: Error, CustomStringConvertible {
        let permanent: Bool
        var description: String { permanent ? "session not found" : "database_failure: disk full / busy" }
    }

    struct Stored: Sendable {
        let id: Int64
        let driverID: Int64
        let lapNumber: Int32
        let startTime: Double
        let at: ContinuousClock.Instant
    }

    private struct State {
        var fault: Fault = .none
        var stored: [Stored] = []
        var attempts = 0
    }

    private let state = Mutex(State())
    /// How long a successful store takes.
    let storeDelay: Duration

    init(storeDelay: Duration = .milliseconds(5)) {
        self.storeDelay = storeDelay
    }

    func setFault(_ fault: Fault) { state.withLock { $0.fault = fault } }
    var stored: [Stored] { state.withLock { $0.stored } }
    var attempts: Int { state.withLock { $0.attempts } }

    func storeLap(_ lap: CompletedLap, sessionID: String, driverID: Int64) async throws -> Int64 {
        let fault = state.withLock { state in
            state.attempts += 1
            return state.fault
        }
        switch fault {
        case .none: try? await Task.sleep(for: storeDelay)
        case .full: throw Failure(permanent: false)
        case .busy(let after):
            try? await Task.sleep(for: after)
            throw Failure(permanent: false)
        case .refused: throw Failure(permanent: true)
        }
        let startTime = lap.frames.first?.sessionTime ?? .nan
        return state.withLock { state in
            if let existing = state.stored.first(where: { $0.driverID == driverID && $0.lapNumber == lap.lapNumber && $0.startTime == startTime }) {
                return existing.id
            }
            let id = Int64(state.stored.count + 1)
            state.stored.append(Stored(id: id, driverID: driverID, lapNumber: lap.lapNumber, startTime: startTime, at: .now))
            return id
        }
    }

    func isPermanentFailure(_ error: any Error) -> Bool { (error as? Failure)?.permanent ?? false }

    func createSession(driverID: Int64, descriptor: SessionDescriptor, reference: ReferenceSummary, startedAt: Date) async throws
        -> String
    { UUID().uuidString.lowercased() }

    func endSession(_ sessionID: String, driverID: Int64, endedAt: Date) async throws {}
    func recordCues(_ cues: [Cue], sessionID: String, lapNumber: Int32) async throws {}
}

/// A `PendingLapSpill` in memory: "files" are entries, stored through the same store.
final class MemoryLapSpill: PendingLapSpill {
    private let files = Mutex<[URL: (lap: CompletedLap, file: SpilledLap)]>([:])
    let store: FaultySessionStore

    init(store: FaultySessionStore) { self.store = store }

    var count: Int { files.withLock { $0.count } }

    func spill(_ lap: CompletedLap, sessionID: String, driverID: Int64) throws -> SpilledLap {
        let url = URL(fileURLWithPath: "/pending/\(sessionID)-\(lap.lapNumber)-\(lap.frames.first?.sessionTime ?? 0)")
        let file = SpilledLap(url: url, sessionID: sessionID, driverID: driverID, lapNumber: lap.lapNumber, frameCount: lap.frames.count)
        files.withLock { $0[url] = (lap, file) }
        return file
    }

    func spilledLaps(limit: Int) -> [SpilledLap] { files.withLock { Array($0.values.map(\.file).prefix(limit)) } }

    func store(_ file: SpilledLap) async throws -> Int64 {
        guard let entry = files.withLock({ $0[file.url] }) else { throw FaultySessionStore.Failure(permanent: true) }
        let id = try await store.storeLap(entry.lap, sessionID: file.sessionID, driverID: file.driverID)
        _ = files.withLock { $0.removeValue(forKey: file.url) }
        return id
    }
}
