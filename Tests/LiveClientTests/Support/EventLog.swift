import Foundation
import LiveClient
import Synchronization
import WireClient

/// Every event a run reported, and the lines the driver would have read.
final class EventLog: Sendable {
    private let storage = Mutex<[(at: ContinuousClock.Instant, event: ClientEvent)]>([])
    private let start = ContinuousClock.now

    @Sendable func record(_ event: ClientEvent) { storage.withLock { $0.append((.now, event)) } }

    var events: [ClientEvent] { storage.withLock { $0.map(\.event) } }

    /// Every printed line with the seconds since the log began (for failure messages).
    var timeline: [String] {
        storage.withLock { entries in
            entries.compactMap { entry in
                StatusText.event(entry.event).map { String(format: "%7.3f ", Double((entry.at - start).components.attoseconds) / 1e18 + Double((entry.at - start).components.seconds)) + $0 }
            }
        }
    }
    var lines: [String] { events.compactMap(StatusText.event) }
    var statusLines: [String] {
        events.compactMap { if case .status(let status) = $0 { StatusText.line(status) } else { nil } }
    }
    var lastStatus: StreamStatus? {
        events.reversed().lazy.compactMap { if case .status(let status) = $0 { status } else { nil } }.first
    }

    func contains(_ fragment: String) -> Bool { lines.contains { $0.contains(fragment) } }
}

/// Streamer settings for a test server: quick reconnects and timers.
func testSettings(_ url: String, token: String, _ adjust: (inout StreamerSettings) -> Void = { _ in }) throws -> StreamerSettings {
    var settings = StreamerSettings(endpoint: try ServerEndpoint(parsing: url), token: DriverToken(token))
    settings.reconnectDelays = .milliseconds(50)...(.milliseconds(400))
    settings.connectTimeout = .seconds(5)
    settings.drainTimeout = .seconds(20)
    adjust(&settings)
    return settings
}

/// Runs `source` through a streamer to the end and returns the log.
func stream(_ source: some SimSource, settings: StreamerSettings) async throws -> EventLog {
    let log = EventLog()
    let streamer = Streamer(settings: settings, simName: source.displayName, report: log.record)
    try await streamer.run(source)
    return log
}
