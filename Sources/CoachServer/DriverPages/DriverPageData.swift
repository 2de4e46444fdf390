import Foundation
import ServerSettings
import Telemetry
import WebPages

/// The pages' data, read through the REST API's seams (`DriverDataReader`, the same
/// repositories and driver scoping as `/api/v1`) and shaped into `WebPages` inputs. Every
/// method returns nil for what is not the driver's, which the routes answer with 404.
struct DriverPageData: Sendable {
    let reader: any DriverDataReader
    let references: (any ReferenceLapSource)?
    let settings: ServerConfiguration.API
    /// `listen.pages_sessions_per_page` and `listen.pages_max_laps_listed`.
    let pages: ServerConfiguration.Listen

    func sessions(driverID: Int64, cursor: String?) async throws -> SessionsPageInput? {
        var after: Int64?
        if let cursor {
            guard let key = PageParameters.decode(cursor) else { return nil }
            after = key
        }
        let page: PageResult<SessionSummary>
        do {
            page = try await reader.sessions(driverID: driverID, page: PageRequest(limit: pages.pagesSessionsPerPage, after: after))
        } catch let error as APIError where error.code == .invalidParameter {
            return nil
        }
        var items: [SessionsPageInput.Item] = []
        for session in page.items {
            let report = try await reader.report(sessionID: session.id, driverID: driverID)
            items.append(SessionsPageInput.Item(
                id: session.id, track: Self.trackName(session.descriptor.track), car: session.descriptor.car,
                startedAt: session.startedAt, referenceReason: session.referenceReason, bestLap: report?.bestLap?.lapTime,
                validLaps: report?.validLaps ?? 0))
        }
        return SessionsPageInput(items: items, nextCursor: page.nextKey.map(PageParameters.encode), isFirstPage: after == nil)
    }

    func session(id: String, driverID: Int64) async throws -> SessionPageInput? {
        guard id.utf8.count <= 64, let session = try await reader.session(id: id, driverID: driverID),
            let report = try await reader.report(sessionID: id, driverID: driverID)
        else { return nil }
        guard let laps = try await allLaps(sessionID: id, driverID: driverID) else { return nil }
        return SessionPageInput(
            id: id, track: Self.trackName(session.descriptor.track), car: session.descriptor.car, startedAt: session.startedAt,
            referenceReason: session.referenceReason,
            laps: laps.map {
                .init(id: $0.id, number: $0.lapNumber, lapTime: $0.lapTime, deltaToReference: $0.deltaToReference,
                      isValid: $0.isValid, invalidReason: $0.invalidReason)
            },
            bestLapNumber: report.bestLap?.lapNumber, bestLapTime: report.bestLap?.lapTime, theoreticalBest: report.theoreticalBest,
            costliestCorners: report.costliestCorners.map { .init(corner: $0.corner, name: $0.name, seconds: $0.seconds) })
    }

    func lap(id: Int64, driverID: Int64) async throws -> LapPageInput? {
        guard let detail = try await reader.lap(id, driverID: driverID),
            let session = try await reader.session(id: detail.lap.sessionID, driverID: driverID)
        else { return nil }
        let reference = try await references?.reference(for: session, driverID: driverID)
        let trackLength = reference?.metadata.track.length ?? session.descriptor.track.length
        return LapPageInput(
            kind: .againstReference, sessionID: session.id, track: Self.trackName(session.descriptor.track), car: session.descriptor.car,
            lapNumber: detail.lap.lapNumber, lapTime: detail.lap.lapTime, delta: detail.lap.deltaToReference,
            lap: try await traces(of: detail.lap, driverID: driverID, trackLength: trackLength),
            reference: reference.map(LapTraces.init), corners: detail.corners.map(Self.mark))
    }

    /// Lap B against lap A, both the driver's.
    func compare(a: Int64, b: Int64, driverID: Int64) async throws -> LapPageInput? {
        guard let comparison = try await reader.compare(lapA: a, lapB: b, driverID: driverID),
            let detail = try await reader.lap(b, driverID: driverID),
            let session = try await reader.session(id: comparison.lapB.sessionID, driverID: driverID)
        else { return nil }
        let reference = try await references?.reference(for: session, driverID: driverID)
        let trackLength = reference?.metadata.track.length ?? session.descriptor.track.length
        return LapPageInput(
            kind: .compare(lapA: comparison.lapA.lapNumber), sessionID: session.id, track: Self.trackName(session.descriptor.track),
            car: session.descriptor.car, lapNumber: comparison.lapB.lapNumber, lapTime: comparison.lapB.lapTime,
            delta: comparison.lapTimeDelta,
            lap: try await traces(of: comparison.lapB, driverID: driverID, trackLength: trackLength),
            reference: try await traces(of: comparison.lapA, driverID: driverID, trackLength: trackLength),
            corners: detail.corners.map(Self.mark))
    }

    /// The lap's telemetry on the grid; nil when it is over `api.export_max_frames` (the same
    /// bound as the exports) or cannot be put on the grid.
    private func traces(of lap: LapSummary, driverID: Int64, trackLength: Double) async throws -> LapTraces? {
        guard let source = try await reader.telemetry(lapID: lap.id, driverID: driverID), source.frameCount <= settings.exportMaxFrames,
            let frames = try? source.decode()
        else { return nil }
        return LapTraces.recorded(frames: frames, startTime: lap.startTime, lapTime: lap.lapTime, trackLength: trackLength)
    }

    static func mark(_ corner: CornerResponse) -> CornerMark {
        CornerMark(
            number: corner.corner, name: corner.name, startDistance: corner.startDistance, apexDistance: corner.apexDistance,
            timeLost: corner.versusReference.timeDelta, minimumSpeed: corner.minimumSpeed, brakePoint: corner.brakePoint,
            endDistance: corner.endDistance)
    }

    static func trackName(_ track: TrackDescriptor) -> String {
        track.configuration.isEmpty ? track.name : "\(track.name) – \(track.configuration)"
    }
}
