import Foundation
import LoadTesting
import ServerTestSupport
import Testing
import WireClient

/// The load tool against a server reached by IP address over TLS (`wss://127.0.0.1:PORT`):
/// it used to fail with `cannotUseIPAddressInSNI`; now no SNI is sent for an address and the
/// certificate is verified against its IP SAN.
@Suite(.serialized) struct LoadOverTLSTests {
    @Test func driversReachAServerByIPAddressOverTLS() async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        try await LoadTestServer.with(drivers: 2, configure: { configuration in
            configuration.tls.enabled = true
            configuration.tls.certificatePath = certificate.certificateURL.path
            configuration.tls.keyPath = certificate.keyURL.path
        }) { server in
            #expect(server.liveURL.hasPrefix("wss://127.0.0.1:"))
            var options = LoadRunTests.options(server, url: server.liveURL, drivers: 2, seconds: 3)
            options.probe = ServerProbe()
            options.tls = try ServerTrust.certificateFile(path: certificate.certificateURL.path).tlsConfiguration()
            let report = try await LoadRun(options: options, source: LoadRunTests.source).run()
            #expect(report.errors.isEmpty, "errors: \(report.errors)")
            #expect(report.totals.connectFailures == 0)
            #expect(report.totals.framesSent > 0)
            #expect(server.metric("trailbrake_live_frames_total") == Double(report.totals.framesSent))
        }
    }
}
