import Foundation
import IRacing
@testable import IRacingFake
import Testing

extension FakeIRacingSuites {
    /// OAuth against the fake token endpoint, which accepts only the published masking vectors and
    /// single-use refresh tokens.
    @Suite struct ClientAuthTests {
        @Test func firstCallUsesThePasswordGrantAndStoresTheRefreshTokenPrivately() async throws {
            try await withFakeIRacing { server in
                let test = try TestClient(server)
                let info = try await test.client.memberInfo()
                #expect(info.custId > 0)
                #expect(await server.state.grants == ["password_limited"])
                let stored = try #require(test.tokenFile.load())
                #expect(await server.state.liveRefreshTokens.contains(stored.token))
                let permissions = try FileManager.default.attributesOfItem(atPath: test.tokenFile.path)[.posixPermissions] as? Int
                #expect(permissions == 0o600)
            }
        }

        @Test func a401RefreshesOnceThenSucceeds() async throws {
            try await withFakeIRacing { server in
                let test = try TestClient(server)
                _ = try await test.client.memberInfo()
                await server.state.update { $0.faults = [.unauthorized] }
                _ = try await test.client.memberInfo()
                #expect(await server.state.grants == ["password_limited", "refresh_token"])
            }
        }

        @Test func twoRefusalsInARowAreUnauthorized() async throws {
            try await withFakeIRacing { server in
                let test = try TestClient(server)
                await server.state.update { $0.faults = [.unauthorized, .unauthorized] }
                await #expect(throws: IRacingError.self) { _ = try await test.client.memberInfo() }
                // One initial grant and exactly one refresh: no retry loop.
                #expect(await server.state.grants.count == 2)
            }
        }

        @Test func eachRotatedRefreshTokenIsPersistedAndNoneIsReused() async throws {
            try await withFakeIRacing(configure: { $0.accessTokenLifetime = 20 }) { server in
                // Tokens shorter-lived than the client's 30 s margin: every call refreshes first.
                let test = try TestClient(server)
                var seen: [String] = []
                for _ in 0..<4 {
                    _ = try await test.client.memberInfo()
                    let stored = try #require(test.tokenFile.load()).token
                    #expect(!seen.contains(stored), "the file must hold a new token after each refresh")
                    seen.append(stored)
                }
                #expect(await server.state.grants == ["password_limited", "refresh_token", "refresh_token", "refresh_token"])
                #expect(await server.state.refreshTokenReuses == 0)
                #expect(await server.state.liveRefreshTokens == [seen[3]])
            }
        }

        @Test func concurrentCallsShareOneRefresh() async throws {
            try await withFakeIRacing(configure: { $0.accessTokenLifetime = 20 }) { server in
                let test = try TestClient(server)
                _ = try await test.client.memberInfo()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<6 { group.addTask { _ = try await test.client.memberInfo() } }
                    try await group.waitForAll()
                }
                #expect(await server.state.refreshTokenReuses == 0)
                #expect(await server.state.grants.filter { $0 == "refresh_token" }.count == 1)
            }
        }

        @Test func aRestartedClientContinuesFromTheStoredRefreshToken() async throws {
            try await withFakeIRacing { server in
                let first = try TestClient(server)
                _ = try await first.client.memberInfo()
                let second = try TestClient(server, tokenDirectory: first.directory)
                _ = try await second.client.memberInfo()
                #expect(await server.state.grants == ["password_limited", "refresh_token"])
            }
        }

        @Test func aSpentRefreshTokenFallsBackToThePasswordGrant() async throws {
            try await withFakeIRacing { server in
                let first = try TestClient(server)
                _ = try await first.client.memberInfo()
                let stale = try #require(first.tokenFile.load())
                let second = try TestClient(server, tokenDirectory: first.directory)
                _ = try await second.client.memberInfo()  // spends the stored token
                try first.tokenFile.save(stale)  // an old copy put back
                let third = try TestClient(server, tokenDirectory: first.directory)
                _ = try await third.client.memberInfo()
                #expect(await server.state.grants == ["password_limited", "refresh_token", "password_limited"])
            }
        }
    }
}
