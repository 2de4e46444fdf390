import Telemetry

/// iRacing through its live telemetry map: waits for the sim, reads each new row when the sim
/// signals it, announces the session (again when the session-info update counter brings a new
/// track, car or session type), counts rows it missed, and reopens the map when the sim
/// restarts or changes its layout.
public struct IRacingSource<Opener: IRacingMapOpener>: SimSource {
    public let opener: Opener
    /// How long one wait for data lasts before the source looks at the map's state again.
    public var dataTimeout: Duration = .seconds(1)
    /// No new row for this long while the map is open: the sim is taken to have stopped, and
    /// the map is opened again (a restarted sim makes a new one).
    public var stalledAfter: Duration = .seconds(5)
    /// Between attempts to open the map while the sim is not running.
    public var retryInterval: Duration = .seconds(1)

    public var displayName: String { "iRacing" }

    public init(opener: Opener) { self.opener = opener }

    public func run(emit: @escaping @Sendable (SimEvent) async -> Void) async throws {
        var lastWaiting: String?
        func waiting(_ why: String) async {
            guard lastWaiting != why else { return }
            lastWaiting = why
            await emit(.status(.waiting(why)))
        }
        while !Task.isCancelled {
            let map: Opener.Map
            do {
                map = try opener.open()
            } catch {
                if opener.failuresAreFinal { throw IRacingSourceError(error) }
                if opener.isExhausted { return }
                await waiting(Self.reason(error))
                try await Task.sleep(for: retryInterval)
                continue
            }
            lastWaiting = nil
            do {
                try await read(map, emit: emit, waiting: waiting)
            } catch let error as LiveTelemetryError {
                await waiting(Self.reason(error))
            }
            if opener.isExhausted && map.hasEnded { return }
        }
        throw CancellationError()
    }

    /// Reads one opened map until it ends, stalls or changes layout.
    private func read(
        _ map: Opener.Map, emit: @escaping @Sendable (SimEvent) async -> Void, waiting: (String) async -> Void
    ) async throws {
        var rows = try IRacingRowReader(map: map)
        var lastRowAt = ContinuousClock.now
        while !Task.isCancelled {
            let signalled = await map.waitForData(timeout: dataTimeout)
            if map.hasEnded { return }
            guard signalled else {
                if ContinuousClock.now - lastRowAt > stalledAfter { throw LiveTelemetryError.unavailable(reason: "iRacing stopped updating its telemetry") }
                continue
            }
            let events: [SimEvent]
            do {
                events = try rows.poll()
            } catch .notConnected {
                await waiting(Self.reason(.notConnected))
                continue
            }
            if !events.isEmpty { lastRowAt = .now }
            for event in events { await emit(event) }
        }
    }

    static func reason(_ error: LiveTelemetryError) -> String {
        switch error {
        case .unavailable(let reason): reason
        case .notConnected: "iRacing is running but no session is loaded"
        case .layoutChanged: "iRacing restarted its telemetry; reopening"
        case .layout, .tornRead: "iRacing's telemetry map is unreadable (\(error.code)); reopening"
        }
    }
}

/// A replay the source cannot play (an unreadable or not-an-.ibt file).
public struct IRacingSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    public let error: LiveTelemetryError
    init(_ error: LiveTelemetryError) { self.error = error }
    public var description: String { "cannot replay: \(error) (\(error.code))" }
}
