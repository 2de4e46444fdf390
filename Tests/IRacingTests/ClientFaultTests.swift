import Foundation
import IRacing
@testable import IRacingFake
import Testing

extension FakeIRacingSuites {
    /// 429, 503, 400 and repeated failures, as the real API answers them.
    @Suite struct ClientFaultTests {
        @Test func a429WaitsForTheResetThenGoesOn() async throws {
            // Hour-long windows: the first answer announces a reset up to an hour away; the 429's
            // own one-second reset must win over it.
            try await withFakeIRacing(configure: { $0.windowSeconds = 3_600 }) { server in
                let client = try TestClient(server).client
                _ = try await client.memberInfo()
                await server.state.update { $0.faults = [.rateLimited(resetIn: 1)] }
                let started = Date()
                _ = try await client.memberInfo()
                let resetAt = floor(started.timeIntervalSince1970) + 1  // the fake answers now + 1 s, in whole seconds
                #expect(Date().timeIntervalSince1970 >= resetAt, "the retry must wait for x-ratelimit-reset")
                #expect(Date().timeIntervalSince(started) < 30)
                #expect(await server.state.violations.isEmpty)
            }
        }

        @Test func maintenanceIsRetriedWithBackoff() async throws {
            try await withFakeIRacing { server in
                let client = try TestClient(server).client
                await server.state.update { $0.faults = [.maintenance, .maintenance] }
                _ = try await client.memberInfo()
                #expect(await server.state.dataRequests.count == 3)
            }
        }

        @Test func lastingMaintenanceIsReportedAsMaintenance() async throws {
            try await withFakeIRacing { server in
                let client = try TestClient(server).client
                await server.state.update { $0.faults = Array(repeating: .maintenance, count: 4) }
                await #expect(throws: IRacingError.maintenance("/data/member/info: Site Maintenance: The site is currently undergoing maintenance. Please try your request later.")) {
                    _ = try await client.memberInfo()
                }
            }
        }

        @Test func aBadRequestIsNotRetried() async throws {
            try await withFakeIRacing { server in
                let client = try TestClient(server).client
                await server.state.update { $0.faults = [.badRequest] }
                await #expect { _ = try await client.memberInfo() } throws: { ($0 as? IRacingError)?.code == "bad_request" }
                #expect(await server.state.dataRequests.count == 1)
            }
        }

        @Test func repeatedFailuresOpenTheCircuitAndCallsFailFast() async throws {
            try await withFakeIRacing { server in
                let client = try TestClient(server) { $0.maxTransientRetries = 1; $0.circuitBreakerThreshold = 3 }.client
                await server.state.update { $0.faults = Array(repeating: .maintenance, count: 10) }
                for _ in 0..<2 { _ = try? await client.memberInfo() }
                let sentBefore = await server.state.dataRequests.count
                await #expect(throws: IRacingError.circuitOpen) { _ = try await client.memberInfo() }
                #expect(await server.state.dataRequests.count == sentBefore, "an open circuit sends nothing")
            }
        }

        @Test func anUnknownSubsessionIsNotFound() async throws {
            try await withFakeIRacing { server in
                let client = try TestClient(server).client
                await #expect { _ = try await client.subsessionResult(subsessionID: 1) } throws: {
                    ($0 as? IRacingError)?.code == "not_found"
                }
            }
        }
    }

    /// A slow answer past the request timeout is a transport failure (retried, then reported).
    @Suite struct SlowResponseTests {
        @Test func aResponseSlowerThanTheTimeoutFailsAsTransport() async throws {
            try await withFakeIRacing { server in
                let client = try TestClient(server) { $0.requestTimeout = 2; $0.maxTransientRetries = 0 }.client
                _ = try await client.memberInfo()
                await server.state.update { $0.dataDelay = .seconds(4) }
                await #expect { _ = try await client.memberInfo() } throws: { error in
                    (error as? IRacingError)?.code == "transport" && String(describing: error).contains("timed out")
                }
                await server.state.update { $0.dataDelay = nil }
                _ = try await client.memberInfo()
            }
        }
    }
}
