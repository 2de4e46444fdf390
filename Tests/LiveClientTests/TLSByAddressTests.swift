import Foundation
import ServerTestSupport
import Telemetry
import Testing
import WireClient

@testable import LiveClient

/// `wss://127.0.0.1:PORT`: a server reached by IP address over TLS. No SNI is sent for an
/// address (NIOSSL refuses one: `cannotUseIPAddressInSNI`), and the certificate is still
/// verified, against its IP address SANs.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct TLSByAddressTests {
    /// Streams 30 frames to a TLS server with `certificate`, trusting `trusted`'s PEM.
    func streamOverTLS(served certificate: TestCertificate, trusting trusted: TestCertificate) async throws -> (EventLog, Int?) {
        let home = try await LiveTestServer.Home()
        defer { home.remove() }
        return try await LiveTestServer.with(home: home, configure: { configuration in
            configuration.tls.enabled = true
            configuration.tls.certificatePath = certificate.certificateURL.path
            configuration.tls.keyPath = certificate.keyURL.path
        }) { server in
            #expect(server.liveURL.hasPrefix("wss://127.0.0.1:"))
            let settings = try testSettings(server.liveURL, token: server.token) {
                $0.tls = try? ServerTrust.certificateFile(path: trusted.certificateURL.path).tlsConfiguration()
            }
            let source = FeedSource()
            source.feed.yield(.session(Sample.langley))
            for index in 0..<30 { source.feed.yield(.frame(Sample.frame(index))) }
            source.feed.finish()
            let log = EventLog()
            // A refusal is reported as an event (and thrown); the lines say which.
            try? await Streamer(settings: settings, simName: "test sim", report: log.record).run(source)
            return (log, server.metric("trailbrake_live_frames_total").map { Int($0) })
        }
    }

    @Test func aServerByIPAddressIsReachedAndVerified() async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        let (log, frames) = try await streamOverTLS(served: certificate, trusting: certificate)
        #expect(frames == 30, "\(log.lines)")
        #expect(!log.lines.contains { $0.contains("IPAddressInSNI") })
    }

    @Test func aCertificateWithoutTheAddressIsRefused() async throws {
        let nameOnly = try TestCertificate(ipAddresses: [], dnsNames: ["localhost"])
        defer { nameOnly.remove() }
        let (log, frames) = try await streamOverTLS(served: nameOnly, trusting: nameOnly)
        #expect((frames ?? 0) == 0)
        #expect(log.lines.contains { $0.hasPrefix("stopped: TLS failed: 127.0.0.1") }, "\(log.lines)")
    }

    @Test func anUntrustedCertificateIsRefused() async throws {
        let served = try TestCertificate(), other = try TestCertificate()
        defer { served.remove(); other.remove() }
        let (log, frames) = try await streamOverTLS(served: served, trusting: other)
        #expect((frames ?? 0) == 0)
        #expect(log.lines.contains { $0.hasPrefix("stopped: TLS failed:") }, "\(log.lines)")
    }
}
