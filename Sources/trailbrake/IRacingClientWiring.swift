import CoachServer
import Foundation
import IRacing
import Logging
import ServerSettings
import Tracing

/// The one `IRacingClient` of `serve` when `[iracing] enabled = true`: the results poller and
/// the league roster sync share it, so they share its rate-limit budget, its access token and
/// its single-use refresh token (two clients would spend each other's refresh tokens).
enum IRacingClientWiring {
    static func makeClient(
        _ configuration: ServerConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger,
        tracer: (any Tracer)? = nil
    ) throws -> IRacingClient? {
        let settings = configuration.iracing
        guard settings.enabled else { return nil }
        let credentials = try IRacingCredentials.load(
            environment: environment, secretsFile: settings.secretsFile.isEmpty ? nil : settings.secretsFile)
        let tokenPath = settings.tokenFile.isEmpty
            ? URL(fileURLWithPath: configuration.server.dataDirectory).appendingPathComponent("iracing-refresh-token.json").path
            : settings.tokenFile
        return IRacingClient(
            configuration: IRacingClientConfiguration(
                dataBaseURL: settings.dataAPIURL, oauthBaseURL: settings.oauthURL, maxInFlight: settings.maxInFlight),
            credentials: credentials, tokenFile: RefreshTokenFile(path: tokenPath), logger: logger.withComponent("iracing"),
            tracer: tracer)
    }
}

extension Logger {
    /// A copy whose lines carry `component`.
    func withComponent(_ component: String) -> Logger {
        var logger = self
        logger[metadataKey: "component"] = "\(component)"
        return logger
    }
}
