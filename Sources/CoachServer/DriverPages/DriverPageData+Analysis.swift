import Foundation
import WebPages

extension DriverPageData {
    /// Every corner of the session, lap by lap (each timed lap's stored corner measurements, at
    /// most `listen.pages_max_laps_listed` laps, as the session page lists), corners in order.
    func corners(sessionID: String, driverID: Int64) async throws -> CornersPageInput? {
        guard sessionID.utf8.count <= 64, let session = try await reader.session(id: sessionID, driverID: driverID),
            let laps = try await allLaps(sessionID: sessionID, driverID: driverID)
        else { return nil }
        var byCorner: [Int: (name: String?, passes: [CornersPageInput.Pass])] = [:]
        for lap in laps where lap.lapTime != nil {
            guard let detail = try await reader.lap(lap.id, driverID: driverID) else { continue }
            for corner in detail.corners {
                var entry = byCorner[corner.corner] ?? (corner.name, [])
                entry.passes.append(.init(
                    lapID: lap.id, lapNumber: lap.lapNumber, isValid: lap.isValid, brakePoint: corner.brakePoint,
                    minimumSpeed: corner.minimumSpeed, throttlePickup: corner.throttlePickup, timeLost: corner.versusReference.timeDelta))
                byCorner[corner.corner] = entry
            }
        }
        return CornersPageInput(
            sessionID: sessionID, track: Self.trackName(session.descriptor.track), car: session.descriptor.car,
            corners: byCorner.keys.sorted().map { number in
                CornersPageInput.Corner(number: number, name: byCorner[number]?.name, passes: byCorner[number]?.passes ?? [])
            })
    }

    /// Every cue of the session with where it was said and the session's advice outcome for it.
    func cues(sessionID: String, driverID: Int64) async throws -> CuesPageInput? {
        guard sessionID.utf8.count <= 64, let session = try await reader.session(id: sessionID, driverID: driverID),
            let cues = try await reader.cues(sessionID: sessionID, driverID: driverID),
            let advice = try await reader.advice(sessionID: sessionID, driverID: driverID)
        else { return nil }
        let outcomes = Dictionary(advice.outcomes.map { ($0.cueID, $0.worked) }, uniquingKeysWith: { first, _ in first })
        let reference = try await references?.reference(for: session, driverID: driverID)
        return CuesPageInput(
            sessionID: sessionID, track: Self.trackName(session.descriptor.track), car: session.descriptor.car,
            trackLength: reference?.metadata.track.length ?? session.descriptor.track.length,
            cues: cues.map { record in
                let cue = record.cue
                let outcome: CuesPageInput.Outcome = cue.topic == .teamMessage
                    ? .notAdvice : outcomes[cue.id].map { $0 ? .worked : .notWorked } ?? .pending
                return CuesPageInput.Item(
                    id: cue.id, lapNumber: record.lapNumber, corner: cue.corner, cornerName: cue.cornerName, kind: cue.kind.rawValue,
                    topic: cue.topic.rawValue, text: cue.text, saidAt: cue.saidDistance, deadline: cue.deadlineDistance, outcome: outcome)
            })
    }

    /// The session's laps in driving order, at most `listen.pages_max_laps_listed`.
    func allLaps(sessionID: String, driverID: Int64) async throws -> [LapSummary]? {
        var laps: [LapSummary] = []
        var after: Int64?
        repeat {
            let request = PageRequest(limit: min(settings.maxPageSize, pages.pagesMaxLapsListed - laps.count), after: after)
            guard let page = try await reader.laps(sessionID: sessionID, driverID: driverID, page: request) else { return nil }
            laps += page.items
            after = page.nextKey
        } while after != nil && laps.count < pages.pagesMaxLapsListed
        return laps
    }
}
