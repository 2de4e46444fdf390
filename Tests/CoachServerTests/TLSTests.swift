import Crypto
import Foundation
import HummingbirdWSClient
import NIOSSL
import SwiftASN1
import Testing
import X509

@testable import CoachServer

@Suite struct TLSTests {
    /// A self-signed certificate for 127.0.0.1, written as PEM files the server reads.
    struct TestCertificate {
        let certificatePEM: String
        let directory: URL

        init() throws {
            let key = P256.Signing.PrivateKey()
            let name = try DistinguishedName { CommonName("127.0.0.1") }
            let now = Date()
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
                notValidBefore: now.addingTimeInterval(-3_600), notValidAfter: now.addingTimeInterval(3_600),
                issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    SubjectAlternativeNames([.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])), .dnsName("localhost")])
                },
                issuerPrivateKey: .init(key))
            certificatePEM = try certificate.serializeAsPEM().pemString
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-tls-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try certificatePEM.write(to: certificateURL, atomically: true, encoding: .utf8)
            try key.pemRepresentation.write(to: keyURL, atomically: true, encoding: .utf8)
        }

        var certificateURL: URL { directory.appendingPathComponent("cert.pem") }
        var keyURL: URL { directory.appendingPathComponent("key.pem") }
    }

    @Test func liveCoachingOverWSS() async throws {
        let certificate = try TestCertificate()
        defer { try? FileManager.default.removeItem(at: certificate.directory) }
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
        var configuration = ServerConfiguration()
        configuration.tls = .init(enabled: true, certificatePath: "/nonexistent/cert.pem", keyPath: "/nonexistent/key.pem")
        let server = TrailbrakeServer(configuration: configuration, dependencies: TestBackend().dependencies, logger: .init(label: "t"))
        #expect(throws: ConfigurationError.self) { _ = try server.makeApplication() }
    }
}
