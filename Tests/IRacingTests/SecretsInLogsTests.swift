import Foundation
import IRacing
@testable import IRacingFake
import Logging
import Testing

extension FakeIRacingSuites {
    /// Secrets never reach the logs (at `trace`) or error descriptions: not the password, not the
    /// client secret, not their masked forms, not any access or refresh token the fake issued.
    @Suite struct SecretsInLogsTests {
        @Test func noSecretInLogsOrErrors() async throws {
            let capture = LogCapture()
            let logger = capture.logger(label: "iracing-secrets")
            let harness = try PollerHarness()
            _ = try await harness.directory.track(memberID: FakeMembers.alice, in: PollerHarness.guildOne, leagueID: nil)
            let race = FakeWorld.Race(subsessionID: 82_000_001, memberIDs: [FakeMembers.alice], start: Date().addingTimeInterval(-60))
            var errorTexts: [String] = []
            let issued = try await withFakeIRacing(races: [race], configure: { $0.accessTokenLifetime = 20 }) { server in
                var texts: [String] = []
                let test = try TestClient(server, logger: logger)
                let (poller, _) = try harness.poller(server, publisher: RecordingPublisher(), client: test.client, logger: logger)
                await server.state.update { $0.faults = [.unauthorized, .maintenance, .rateLimited(resetIn: 1)] }
                await poller.runCycle()
                await poller.runCycle()
                // Refused credentials: a wrong password must not show in the error either.
                let wrong = IRacingClient(
                    configuration: .init(dataBaseURL: server.baseURL, oauthBaseURL: server.baseURL),
                    credentials: IRacingCredentials(
                        clientID: MaskingVectors.clientID, clientSecret: MaskingVectors.clientSecret,
                        username: MaskingVectors.username, password: "Wrong-Password-123"),
                    tokenFile: RefreshTokenFile(path: test.directory.appendingPathComponent("other").path), logger: logger)
                do { _ = try await wrong.memberInfo() } catch {
                    texts += [String(describing: error), String(reflecting: error), "\(error)"]
                }
                await server.state.update { $0.faults = [.badRequest] }
                do { _ = try await test.client.memberInfo() } catch { texts.append(String(describing: error)) }
                return (await server.state.issuedSecrets, texts)
            }
            errorTexts = issued.1
            let secrets = issued.0 + [
                MaskingVectors.password, MaskingVectors.clientSecret, MaskingVectors.maskedPassword,
                MaskingVectors.maskedClientSecret, "Wrong-Password-123", SecretMasking.mask("Wrong-Password-123", identifier: MaskingVectors.username),
            ]
            let lines = capture.all
            #expect(lines.count > 5, "the capture must see the client's logs, or this test proves nothing")
            #expect(issued.0.count >= 4, "several tokens were issued and rotated")
            #expect(errorTexts.count >= 2)
            for secret in secrets {
                #expect(lines.filter { $0.contains(secret) }.isEmpty, "secret in logs")
                #expect(errorTexts.filter { $0.contains(secret) }.isEmpty, "secret in an error")
            }
        }
    }
}
