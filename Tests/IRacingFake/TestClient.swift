import Foundation
import IRacing
import Logging
import Tracing

/// A client pointed at the fake, with the masking-vector credentials, a fresh refresh-token
/// file and short waits so fault tests stay fast.
struct TestClient {
    let client: IRacingClient
    let tokenFile: RefreshTokenFile
    let directory: URL

    static let credentials = IRacingCredentials(
        clientID: MaskingVectors.clientID, clientSecret: MaskingVectors.clientSecret, username: MaskingVectors.username,
        password: MaskingVectors.password)

    init(
        _ server: FakeIRacingServer, logger: Logger? = nil, tokenDirectory: URL? = nil,
        tracer: (any Tracer)? = nil, configure: (inout IRacingClientConfiguration) -> Void = { _ in }
    ) throws {
        directory = tokenDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("iracing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        tokenFile = RefreshTokenFile(path: directory.appendingPathComponent("refresh-token.json").path)
        var configuration = IRacingClientConfiguration(
            dataBaseURL: server.baseURL, oauthBaseURL: server.baseURL, maxInFlight: 4, requestTimeout: 5,
            maxTransientRetries: 3, backoff: Backoff(base: 0.05, cap: 0.2), resetMargin: 0.05, rateLimitFallbackWait: 1,
            circuitBreakerThreshold: 5, circuitBreakerCoolDown: 1)
        configure(&configuration)
        client = IRacingClient(
            configuration: configuration, credentials: Self.credentials, tokenFile: tokenFile,
            logger: logger ?? Logger(label: "iracing-test") { _ in SwiftLogNoOpLogHandler() }, tracer: tracer)
    }
}

/// Skips a test (with a message) when the shared data is not there.
func requireFixtures() throws -> FakeFixtures? {
    FakeFixtures.load()
}
