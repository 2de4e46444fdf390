import Foundation
import NIOSSL
import ServerTestSupport
import Testing

@testable import CoachServer
@testable import ServerSettings

/// Failed TLS handshakes: a client that does not trust the certificate, and plain HTTP sent to
/// the TLS port. The server closes each connection promptly, holds no session for it, and goes
/// on serving TLS clients.
@Suite(.serialized) struct TLSFailureTests {
    static func withTLSServer(_ body: @escaping @Sendable (RunningServer, TestCertificate) async throws -> Void) async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        try await RunningServer.forRawClients(configure: { configuration in
            configuration.tls = .init(enabled: true, certificatePath: certificate.certificateURL.path, keyPath: certificate.keyURL.path)
        }) { server in
            try await withTimeout(seconds: 30) { try await body(server, certificate) }
        }
    }

    /// A trusting client still gets a session (the server went on serving).
    static func expectServing(_ server: RunningServer, _ certificate: TestCertificate) async throws {
        let tls = try AbnormalEndTests.trusting(certificate)
        let (client, _) = try await HostileWebSocket.startSession(port: server.port, tls: tls)
        try await client.sendBatch(seq: 1, ClientMessages.frames(1))
        #expect(try await client.next("ack").seq == 1)
        #expect(try await server.liveSessions(tls: tls) == 1)
    }

    @Test func aClientThatDoesNotTrustTheCertificateFailsAndTheServerGoesOn() async throws {
        try await Self.withTLSServer { server, certificate in
            // Trusts nothing but a certificate authority of its own.
            var untrusting = TLSConfiguration.makeClientConfiguration()
            untrusting.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(try TestCertificate().certificatePEM.utf8), format: .pem)])
            let socket = try await HostileSocket.connect(port: server.port, tls: untrusting)
            try? await socket.send(WebSocketWire.upgradeRequest(path: HostileWebSocket.livePath, token: FakeAuthenticator.aliceToken))
            let ended = await socket.readUntilClosed(timeout: 5)
            #expect(ended != nil, "the failed handshake left the connection open")
            #expect(ended?.bytes.isEmpty == true, "nothing may be read over a connection that is not trusted")
            #expect(ended?.error?.contains("handshake") == true || ended?.error?.contains("certificate") == true, "\(ended?.error ?? "no error")")
            try await Self.expectServing(server, certificate)
        }
    }

    /// `tls.close_notify_timeout_seconds`: closing waits that long for the client's close_notify,
    /// so a TLS client that never reads holds the shutdown for grace + this, not NIOSSL's 5 s.
    @Test func aTLSClientThatNeverReadsHoldsTheShutdownOnlyForTheCloseNotifyTimeout() async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        let tls = try AbnormalEndTests.trusting(certificate)
        let started = Box<ContinuousClock.Instant>()
        try await RunningServer.forRawClients(configure: { configuration in
            configuration.tls = .init(
                enabled: true, certificatePath: certificate.certificateURL.path, keyPath: certificate.keyURL.path,
                closeNotifyTimeoutSeconds: 0.3)
        }) { server in
            let (client, _) = try await HostileWebSocket.startSession(port: server.port, tls: tls)
            try await client.socket.stopReading()
            started.value = .now
        }
        let shutdown = ContinuousClock.now - (started.value ?? .now)
        print("shutdown with a TLS client that never reads took \(shutdown) (grace 0.2 s, close_notify 0.3 s)")
        #expect(shutdown < .seconds(3), "the shutdown waited \(shutdown) for the client's close_notify")
    }

    @Test func plainHTTPOnTheTLSPortIsClosedAndTheServerGoesOn() async throws {
        try await Self.withTLSServer { server, certificate in
            let socket = try await HostileSocket.connect(port: server.port)
            try await socket.send(WebSocketWire.upgradeRequest(path: HostileWebSocket.livePath, token: FakeAuthenticator.aliceToken))
            let ended = await socket.readUntilClosed(timeout: 5)
            #expect(ended != nil, "plain HTTP on the TLS port left the connection open")
            // At most a TLS alert record (content type 21), never an HTTP answer.
            #expect(ended.map { $0.bytes.isEmpty || $0.bytes.first == 0x15 } == true)
            try await Self.expectServing(server, certificate)
        }
    }
}
