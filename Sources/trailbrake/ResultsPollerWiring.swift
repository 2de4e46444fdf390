import CoachServer
import Foundation
import IRacing
import Integration
import Logging
import ResultsPoller
import Storage

/// Builds the iRacing results poller for `serve` when `[iracing] enabled = true`.
enum ResultsPollerWiring {
    /// The poller service, or nil when it is off. `publisher` is the Discord bot once it is
    /// configured, else a `LogResultPublisher`.
    static func make(
        _ configuration: ServerConfiguration, database: TrailbrakeDatabase, publisher: (any RaceResultPublisher)?,
        environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger
    ) throws -> ResultsPollerService? {
        let settings = configuration.iracing
        guard settings.enabled else { return nil }
        let credentials = try IRacingCredentials.load(
            environment: environment, secretsFile: settings.secretsFile.isEmpty ? nil : settings.secretsFile)
        let tokenPath = settings.tokenFile.isEmpty
            ? URL(fileURLWithPath: configuration.server.dataDirectory).appendingPathComponent("iracing-refresh-token.json").path
            : settings.tokenFile
        var clientLogger = logger
        clientLogger[metadataKey: "component"] = "iracing"
        let client = IRacingClient(
            configuration: IRacingClientConfiguration(
                dataBaseURL: settings.dataAPIURL, oauthBaseURL: settings.oauthURL, maxInFlight: settings.maxInFlight),
            credentials: credentials, tokenFile: RefreshTokenFile(path: tokenPath), logger: clientLogger)
        let pollerSettings = ResultsPollerSettings(
            pollInterval: .milliseconds(Int64(settings.pollIntervalSeconds * 1_000)), storeLapData: settings.storeLapData,
            concurrentMembers: settings.maxInFlight * 2)
        return ResultsPollerService(
            source: client, database: database, publisher: publisher ?? LogResultPublisher(logger: clientLogger),
            settings: pollerSettings, logger: clientLogger)
    }
}

/// The poller's state in the shape `/api/v1/health` shows.
struct ResultsPollerHealthAdapter: BackgroundServiceHealth {
    let status: PollerStatus

    func healthReport() async -> BackgroundServiceHealthReport {
        let health = await status.health
        return BackgroundServiceHealthReport(
            state: health.state.rawValue, lastSuccess: health.lastSuccess, lastError: health.lastError, pending: health.pendingPosts)
    }
}
