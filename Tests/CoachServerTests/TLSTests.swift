import Foundation
import HummingbirdWSClient
import NIOSSL
@testable import ServerSettings
import ServerTestSupport
import Testing

@testable import CoachServer

@Suite struct TLSTests {
    @Test func liveCoachingOverWSS() async throws {
        let certificate = try TestCertificate()
        defer { certificate.remove() }
        try await RunningServer.with(configure: { configuration in
            configuration.tls.enabled = true
            configuration.tls.certificatePath = certificate.certificateURL.path
            configuration.tls.keyPath = certificate.keyURL.path
        }) { server in
            #expect(server.baseURL.hasPrefix("https://127.0.0.1:"))
            #expect(server.liveURL.hasPrefix("wss://"))
            var trusting = TLSConfiguration.makeClientConfiguration()
            trusting.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(certificate.certificatePEM.utf8), format: .pem)])
            let tls = trusting
            try await withTimeout {
                try await LiveClient.connect(server, tls: tls) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello()))
                    #expect(try await reader.next("welcome")?.resumed == false)
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, ClientMessages.frames(2))))
                    #expect(try await reader.next("ack")?.seq == 1)
                }
            }
        }
    }

    @Test func unreadableCertificateIsAClearError() throws {
        var configuration = ServerSettings.ServerConfiguration()
        configuration.tls = .init(enabled: true, certificatePath: "/nonexistent/cert.pem", keyPath: "/nonexistent/key.pem")
        let server = TrailbrakeServer(configuration: configuration, dependencies: TestBackend().dependencies, logger: .init(label: "t"))
        #expect(throws: ConfigurationError.self) { _ = try server.makeApplication() }
    }
}
