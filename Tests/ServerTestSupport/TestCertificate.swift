import Crypto
import Foundation
import SwiftASN1
import X509

/// A self-signed certificate written as PEM files a server reads, for 127.0.0.1 by default
/// (its IP address SAN) and "localhost"; `ipAddresses: []` makes one valid for the name only.
public struct TestCertificate: Sendable {
    public let certificatePEM: String
    public let directory: URL

    public init(ipAddresses: [[UInt8]] = [[127, 0, 0, 1]], dnsNames: [String] = ["localhost"]) throws {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName(dnsNames.first ?? "127.0.0.1") }
        let now = Date()
        let alternativeNames = ipAddresses.map { GeneralName.ipAddress(ASN1OctetString(contentBytes: $0[...])) } + dnsNames.map { .dnsName($0) }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3_600), notValidAfter: now.addingTimeInterval(3_600),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                SubjectAlternativeNames(alternativeNames)
            },
            issuerPrivateKey: .init(key))
        certificatePEM = try certificate.serializeAsPEM().pemString
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try certificatePEM.write(to: certificateURL, atomically: true, encoding: .utf8)
        try key.pemRepresentation.write(to: keyURL, atomically: true, encoding: .utf8)
    }

    public var certificateURL: URL { directory.appendingPathComponent("cert.pem") }
    public var keyURL: URL { directory.appendingPathComponent("key.pem") }

    public func remove() { try? FileManager.default.removeItem(at: directory) }
}
